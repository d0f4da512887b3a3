import { describe, expect, it } from 'vitest';
import { AddSuperAdmin } from '../add-super-admin/add-super-admin.js';
import type { PageInput } from '../../model/paging.js';
import { failureOf, names, TestWorld } from '../test-fixtures.js';
import { ListSuperAdmins } from './list-super-admins.js';

async function setup(count: number) {
  const w = await TestWorld.create();
  const users = await w.manyUsers('s', count);
  for (const u of users) await new AddSuperAdmin(w.deps).execute(w.app, u);
  const list = (input: PageInput = {}) => new ListSuperAdmins(w.deps).execute(w.app, input);
  return { list };
}

describe('ListSuperAdmins', () => {
  it('is empty when there are none', async () => {
    const { list } = await setup(0);
    expect(await list()).toEqual([]);
  });

  it('gives 10 by default, in the order they were added', async () => {
    const { list } = await setup(12);
    expect(await list()).toEqual(names('s', 10));
  });

  it('pages with pagenum and pagesize', async () => {
    const { list } = await setup(12);
    expect(await list({ pagenum: 2 })).toEqual(['s11', 's12']);
    expect(await list({ pagenum: 2, pagesize: 5 })).toEqual(['s6', 's7', 's8', 's9', 's10']);
    expect(await list({ pagenum: 4, pagesize: 5 })).toEqual([]);
  });

  it('clamps pagesize to 1000', async () => {
    const { list } = await setup(1001);
    expect(await list({ pagesize: 2000 })).toHaveLength(1000);
    expect(await list({ pagesize: 2000, pagenum: 2 })).toEqual(['s1001']);
  });

  it('refuses a pagesize below 1', async () => {
    const { list } = await setup(1);
    expect(await failureOf(list({ pagesize: 0 }))).toEqual({
      class: 'InvalidInputError',
      code: 'InvalidParameter',
      message: 'pagesize must be a positive integer',
    });
  });
});
