import { formatLocalDate, parseLocalDate, toLocalDate } from '../../domain/calendar/dates.js';
import { CHECK_ITEM_NAMES, missingCheckItems, PROBLEM_KINDS } from '../../domain/campaigns/checklist.js';
import { campaignMessages as m } from '../../domain/campaigns/messages.js';
import { roleRefusal } from '../../domain/access/actions.js';
import type { Actor } from '../../domain/access/roles.js';
import { REFUSALS, refuse } from '../../domain/failures.js';
import { isBlank } from '../../domain/text.js';
import type { CampaignInput, CampaignView, PublishNoticeInput, RecordCheckInput, RectifyInput } from './definitions.js';

const MAX_TEXT = 5000;

const localDay = (text: string, invalid: string): string => {
  try {
    return formatLocalDate(parseLocalDate(text));
  } catch {
    refuse(REFUSALS.invalidInput, invalid);
  }
};

/** A campaign's state in its workflow: the fan-out's cursor and whether the notice is out. */
export class CampaignState {
  afterSeq: number;
  fannedOut: boolean;
  closing = false;
  closed = false;
  /** A check or rectification changed what falls due next: sweep again. */
  changed = false;

  constructor(readonly input: CampaignInput) {
    this.afterSeq = input.afterSeq;
    this.fannedOut = input.fannedOut;
  }

  /** Who carries out the checks and rectifications: the village's or town's cadres, or the campaign's department. */
  private checkActor(actor: Actor): void {
    const refusal = roleRefusal(actor, 'campaignCheck');
    if (refusal) refuse(REFUSALS.notAllowed, refusal);
    const { responsible, departmentId } = this.input;
    const fits =
      responsible === 'department' ? actor.role === 'department' && actor.departmentId === departmentId : responsible === 'town' ? actor.role === 'town_officer' : actor.role !== 'department';
    if (!fits) refuse(REFUSALS.notAllowed, m.notYourCheck);
    if (this.closing || this.closed) refuse(REFUSALS.wrongStep, m.closed);
  }

  validateCheck(input: RecordCheckInput, now: number): void {
    this.checkActor(input.actor);
    const missing = missingCheckItems(this.input.checklist, input.checked ?? []);
    if (missing.length > 0) refuse(REFUSALS.invalidInput, m.checklistIncomplete(missing.map((i) => CHECK_ITEM_NAMES[i]).join('、')));
    const today = formatLocalDate(toLocalDate(now));
    const kinds = new Set<string>();
    for (const p of input.problems ?? []) {
      if (!(PROBLEM_KINDS as readonly string[]).includes(p.kind)) refuse(REFUSALS.invalidInput, m.problemKindInvalid);
      if (kinds.has(p.kind)) refuse(REFUSALS.invalidInput, m.problemKindTwice);
      kinds.add(p.kind);
      if (isBlank(p.description) || p.description.length > MAX_TEXT) refuse(REFUSALS.invalidInput, m.problemDescriptionRequired);
      if (localDay(p.rectifyBy, m.rectifyByInvalid) <= today) refuse(REFUSALS.invalidInput, m.rectifyByNotAfterToday(today));
    }
  }

  validateRectify(input: RectifyInput, now: number): void {
    this.checkActor(input.actor);
    const e = input.evidence;
    if (!e || isBlank(e.whatWasDone) || e.whatWasDone.length > MAX_TEXT) refuse(REFUSALS.invalidInput, m.rectificationRequired);
    const today = formatLocalDate(toLocalDate(now));
    if (localDay(e.date, m.rectifiedOnInvalid) > today) refuse(REFUSALS.invalidInput, m.rectifiedOnInFuture(today));
    if (!Array.isArray(e.documents) || e.documents.length === 0 || e.documents.some((d) => isBlank(d?.title))) refuse(REFUSALS.invalidInput, m.documentsRequired);
  }

  validatePublish(input: PublishNoticeInput): void {
    const refusal = roleRefusal(input.actor, 'publishCampaignNotice');
    if (refusal) refuse(REFUSALS.notAllowed, refusal);
    if (this.closing || this.closed) refuse(REFUSALS.wrongStep, m.closed);
    if (!this.fannedOut) refuse(REFUSALS.wrongStep, m.stillLaunching);
  }

  view(): CampaignView {
    return { campaignId: this.input.campaignId, fannedOut: this.fannedOut, afterSeq: this.afterSeq, closed: this.closed };
  }
}
