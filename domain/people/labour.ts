/** 有劳动能力 · 弱劳力 · 半劳力 · 无劳动能力, as the member register records it. */
export const MEMBER_LABOUR_ABILITIES = ['capable', 'weak', 'partial', 'none'] as const;
export type MemberLabourAbility = (typeof MEMBER_LABOUR_ABILITIES)[number];

/** How the assessment counts labour: 有劳动能力 · 弱劳力或半劳力 · 无劳动能力 [004]. */
export type LabourAbility = 'full' | 'weak' | 'none';

/** A registered member's labour ability as the assessment counts it. */
export const ASSESSED_LABOUR: Readonly<Record<MemberLabourAbility, LabourAbility>> = { capable: 'full', weak: 'weak', partial: 'weak', none: 'none' };
