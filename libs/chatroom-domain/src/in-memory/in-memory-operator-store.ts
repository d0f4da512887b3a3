import type { Operator } from '../model/operator.js';
import type { OperatorStore } from '../ports/operator-store.js';

export class InMemoryOperatorStore implements OperatorStore {
  private readonly operators = new Map<string, Operator>();

  async add(operator: Operator): Promise<boolean> {
    if (this.operators.has(operator.name)) return false;
    this.operators.set(operator.name, operator);
    return true;
  }

  async find(name: string): Promise<Operator | null> {
    return this.operators.get(name) ?? null;
  }

  async list(): Promise<Operator[]> {
    return [...this.operators.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  async remove(name: string): Promise<boolean> {
    return this.operators.delete(name);
  }

  async setPassword(name: string, passwordHash: string, mustChangePassword: boolean): Promise<Operator | null> {
    const found = this.operators.get(name);
    if (!found) return null;
    const changed = { ...found, passwordHash, mustChangePassword, generation: found.generation + 1 };
    this.operators.set(name, changed);
    return changed;
  }
}
