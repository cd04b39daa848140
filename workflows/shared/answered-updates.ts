/**
 * Updates answered once, also across continue-as-new. Temporal removes a
 * duplicate update (the same update id) within a run, not across runs: an
 * update completed in the run that hands over can reach the new run again
 * (the client retries when the answer was lost in the hand-over), and it
 * would then be carried out twice — two visits filed for one, or a second
 * decision refused as "the wrong step". The ids and results of the latest
 * updates go with the state to the next run; an update seen before is
 * answered with its first result and not carried out again.
 */
import type { UpdateDefinition } from '@temporalio/common';
import { currentUpdateInfo, setHandler } from '@temporalio/workflow';
import { REFUSALS, refuse } from '../../domain/failures.js';
import { messages } from '../../domain/messages/catalogue.js';
import { holdsUnstorableText } from '../../domain/text.js';

/** Every update's input, before its own validator: text the database cannot store never enters history. */
export function refuseUnstorableText(args: readonly unknown[]): void {
  if (holdsUnstorableText(args)) refuse(REFUSALS.invalidInput, messages.unstorableText);
}

export interface AnsweredUpdate {
  readonly id: string;
  readonly result: unknown;
}

/** Enough for any retry: a client retries within seconds, while a household answers a handful of updates a month. */
const KEPT = 100;

export class AnsweredUpdates {
  private answered: AnsweredUpdate[];

  constructor(carried: readonly AnsweredUpdate[] | undefined) {
    this.answered = [...(carried ?? [])];
  }

  find(id: string): AnsweredUpdate | undefined {
    return this.answered.find((a) => a.id === id);
  }

  remember(id: string, result: unknown): void {
    this.answered = [...this.answered.filter((a) => a.id !== id), { id, result }].slice(-KEPT);
  }

  snapshot(): readonly AnsweredUpdate[] {
    return [...this.answered];
  }

  /**
   * `setHandler` for an update carried out at most once: an update id answered
   * before (in this run or an earlier one) skips the validator and gets its
   * first result back.
   */
  setHandler<Ret, Args extends any[]>(def: UpdateDefinition<Ret, Args>, handler: (...args: Args) => Promise<Ret>, validator?: (...args: Args) => void): void {
    const earlier = () => {
      const id = currentUpdateInfo()?.id;
      return id === undefined ? undefined : this.find(id);
    };
    setHandler(
      def,
      async (...args: Args): Promise<Ret> => {
        const id = currentUpdateInfo()?.id;
        const before = earlier();
        if (before) return before.result as Ret;
        const result = await handler(...args);
        if (id !== undefined) this.remember(id, result);
        return result;
      },
      {
        validator: (...args: Args) => {
          if (earlier()) return;
          refuseUnstorableText(args);
          validator?.(...args);
        },
      },
    );
  }
}
