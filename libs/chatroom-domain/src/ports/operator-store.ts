import type { Operator } from '../model/operator.js';

/** The operators' accounts; each call is one statement of its own (no unit of work). */
export interface OperatorStore {
  /** False, and nothing changed, when the name is taken. */
  add(operator: Operator): Promise<boolean>;
  find(name: string): Promise<Operator | null>;
  /** Every operator, by name. */
  list(): Promise<Operator[]>;
  /** False when unknown. */
  remove(name: string): Promise<boolean>;
  /**
   * Replaces the password hash and raises the generation by one, in one guarded statement.
   * Returns the operator as stored afterwards, or null when unknown.
   */
  setPassword(name: string, passwordHash: string, mustChangePassword: boolean): Promise<Operator | null>;
}
