import { z } from 'zod';
import { INCOME_KINDS, SPENDING_KINDS } from '../../domain/income/projection.js';

export const text = (max: number, required: string) => z.string().trim().min(1, required).max(max);
export const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM') as unknown as z.ZodType<`${number}-${string}`>;
export const yuan = z.number().finite().min(0, '金额不能为负数').max(100_000_000);
/** Net production and property income may be a loss; wages and transfers may not. */
export const incomeLine = z
  .object({ period, kind: z.enum(INCOME_KINDS), yuan: z.number().finite().min(-100_000_000).max(100_000_000) })
  .refine((l) => l.yuan >= 0 || l.kind === 'production_net' || l.kind === 'property', { message: '工资性收入和转移性收入不能为负数', path: ['yuan'] });
export const spendingLine = z.object({ period, kind: z.enum(SPENDING_KINDS), yuan, rigid: z.boolean() });
export const threats = z
  .object({
    food: z.boolean(),
    clothing: z.boolean(),
    compulsoryEducation: z.boolean(),
    basicMedical: z.boolean(),
    safeHousing: z.boolean(),
    drinkingWater: z.boolean(),
  })
  .partial();
export const evidence = z.array(z.object({ title: text(200, '请填写材料名称'), reference: z.string().trim().max(500).optional() })).max(50);
