// A format profile (格式模板): everything that differs between regions and years lives in
// templates/<name>/profile.yaml, never in code. The narrative issue adds templates and wording.
import { z } from 'zod';

const classLine = z.strictObject({
  code: z.string().regex(/^\d{3}$/).meta({ description: '类级功能分类科目编码' }),
  name: z.string().min(1).meta({ description: '行名（不含序号），如 一般公共服务支出' }),
});

export const profileSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().default(''),
  /** the 26 fixed 类 lines of 公开01表 (31–56) and 公开04表 (33–58), in printed order */
  classLines: z.array(classLine).min(1),
  /** economic classes counted as 人员经费 / 公用经费 in 公开06表 */
  personnelClasses: z.array(z.string().regex(/^\d{3}$/)).default(['301', '303']),
  publicClasses: z.array(z.string().regex(/^\d{3}$/)).default(['302', '307', '309', '310', '311', '312', '313', '399']),
  appendix: z
    .strictObject({
      /** weight of the 预算执行 line (得分 = weight × 执行率, capped at weight) */
      executionWeight: z.number().positive(),
      /** level-1 indicator weights, e.g. 成本指标 20, 产出指标 20, 效益指标 30, 满意度指标 10 */
      weights: z.record(z.string(), z.number().positive()),
      /** decimals of computed scores */
      scorePlaces: z.number().int().min(0).max(4).default(2),
    })
    .meta({ description: '绩效自评表的权重方案' }),
});

export type Profile = z.output<typeof profileSchema>;
