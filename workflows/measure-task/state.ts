import { condition } from '@temporalio/workflow';
import { formatLocalDate, parseLocalDate, toLocalDate } from '../../domain/calendar/dates.js';
import { HAND_BACK_REASONS, isLate, isOpenStatus, type EscalationLevel, type TaskStatus } from '../../domain/measures/tasks.js';
import { taskMessages as m, taskStatusNames } from '../../domain/measures/task-messages.js';
import type {
  AcceptTaskInput,
  CompleteTaskInput,
  HandBackTaskInput,
  MeasureTaskInput,
  ReportProgressInput,
  TaskResult,
  TaskView,
} from './definitions.js';
import { DEPARTMENT_ROLES, type Actor } from '../../domain/access/roles.js';
import { REFUSALS, refuse } from '../../domain/failures.js';
import { isBlank } from '../../domain/text.js';

const MAX_TEXT = 5000;

/** One task's state: what its department did and how far it escalated. */
export class TaskState {
  status: TaskStatus = 'assigned';
  acceptedAt: number | null = null;
  progressReports = 0;
  completedAt: number | null = null;
  late = false;
  escalationLevel: EscalationLevel = 0;
  evidence: CompleteTaskInput['evidence'] | null = null;
  handBack: TaskView['handBack'] = null;
  /** The task's row and its first file entry are written: later changes may be recorded. */
  recorded = false;

  constructor(readonly input: MeasureTaskInput) {}

  get key(): string {
    return this.input.taskKey;
  }

  get closed(): boolean {
    return !isOpenStatus(this.status);
  }

  ready(): Promise<void> {
    return condition(() => this.recorded);
  }

  private checkActor(actor: Actor): void {
    if (!DEPARTMENT_ROLES.includes(actor.role)) refuse(REFUSALS.notAllowed, m.notDepartmentUser);
    if (actor.departmentId !== this.input.departmentId) refuse(REFUSALS.notAllowed, m.notYourDepartment);
    if (this.closed) refuse(REFUSALS.wrongStep, m.taskClosed(taskStatusNames[this.status]));
  }

  validateAccept(input: AcceptTaskInput): void {
    this.checkActor(input.actor);
    if (this.status !== 'assigned') refuse(REFUSALS.wrongStep, m.notAssigned(taskStatusNames[this.status]));
  }

  validateProgress(input: ReportProgressInput): void {
    this.checkActor(input.actor);
    if (this.status === 'assigned') refuse(REFUSALS.wrongStep, m.acceptFirst);
    if (isBlank(input.text) || input.text.length > MAX_TEXT) refuse(REFUSALS.invalidInput, m.progressRequired);
  }

  validateComplete(input: CompleteTaskInput, now: number): void {
    this.checkActor(input.actor);
    const evidence = input.evidence;
    if (!evidence || isBlank(evidence.whatWasDone) || evidence.whatWasDone.length > MAX_TEXT) refuse(REFUSALS.invalidInput, m.whatWasDoneRequired);
    if (evidence.amountFen !== null && !(Number.isSafeInteger(evidence.amountFen) && evidence.amountFen >= 0)) refuse(REFUSALS.invalidInput, m.amountInvalid);
    let date: string;
    try {
      date = formatLocalDate(parseLocalDate(evidence.date));
    } catch {
      refuse(REFUSALS.invalidInput, m.completionDateInvalid);
    }
    const today = formatLocalDate(toLocalDate(now));
    if (date > today) refuse(REFUSALS.invalidInput, m.completionDateInFuture(today));
    if (!Array.isArray(evidence.documents) || evidence.documents.length === 0 || evidence.documents.some((d) => isBlank(d?.title))) {
      refuse(REFUSALS.invalidInput, m.documentsRequired);
    }
  }

  validateHandBack(input: HandBackTaskInput): void {
    this.checkActor(input.actor);
    if (!HAND_BACK_REASONS.includes(input.reason)) refuse(REFUSALS.invalidInput, m.handBackReasonInvalid);
    if (isBlank(input.text) || input.text.length > MAX_TEXT) refuse(REFUSALS.invalidInput, m.handBackTextRequired);
  }

  accept(at: number): void {
    this.status = 'accepted';
    this.acceptedAt = at;
  }

  reportProgress(): number {
    this.status = 'in_progress';
    this.progressReports += 1;
    return this.progressReports;
  }

  complete(input: CompleteTaskInput, at: number): void {
    this.status = 'completed';
    this.completedAt = at;
    this.late = isLate(at, this.input.dueAt);
    this.evidence = input.evidence;
  }

  giveBack(input: HandBackTaskInput, at: number): void {
    this.status = 'handed_back';
    this.handBack = { reason: input.reason, text: input.text, at };
  }

  view(): TaskView {
    const { input } = this;
    return {
      taskKey: input.taskKey,
      householdId: input.householdId,
      planNo: input.planNo,
      measure: input.measure,
      departmentId: input.departmentId,
      required: input.required,
      status: this.status,
      assignedAt: input.assignedAt,
      dueAt: input.dueAt,
      acceptedAt: this.acceptedAt,
      progressReports: this.progressReports,
      completedAt: this.completedAt,
      late: this.late,
      escalationLevel: this.escalationLevel,
      evidence: this.evidence,
      handBack: this.handBack,
      reassignedFrom: input.reassignedFrom,
    };
  }

  result(): TaskResult {
    return { taskKey: this.key, status: this.status === 'handed_back' ? 'handed_back' : 'completed', late: this.late, handBack: this.handBack };
  }
}
