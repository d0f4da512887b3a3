import { describe, expect, it } from 'vitest';
import { GetAnnouncement } from '../get-announcement/get-announcement.js';
import { failureOf, ROOM_404, TestWorld } from '../test-fixtures.js';
import { SetAnnouncement } from './set-announcement.js';

const EMOJI = '😀'; // one code point, two UTF-16 units

async function setup() {
  const w = await TestWorld.create();
  await w.users('alice');
  const id = await w.room('alice');
  const set = (text: string, roomId = id) => new SetAnnouncement(w.deps).execute(w.app, roomId, text);
  const get = () => new GetAnnouncement(w.deps).execute(w.app, id);
  return { w, id, set, get };
}

describe('SetAnnouncement', () => {
  it('sets the announcement, replacing the earlier one', async () => {
    const { set, get } = await setup();
    await set('first');
    await set('Welcome! 欢迎');
    expect(await get()).toBe('Welcome! 欢迎');
  });

  it('an empty string clears it', async () => {
    const { set, get } = await setup();
    await set('something');
    await set('');
    expect(await get()).toBe('');
  });

  it('accepts 512 characters counted as code points (1024 UTF-16 units)', async () => {
    const { set, get } = await setup();
    await set(EMOJI.repeat(512));
    expect(await get()).toBe(EMOJI.repeat(512));
  });

  it('refuses 513 characters and keeps the announcement it had', async () => {
    const { set, get } = await setup();
    await set('kept');
    expect(await failureOf(set('a'.repeat(513)))).toEqual({
      class: 'ForbiddenOperationError',
      code: 'AnnouncementTooLong',
      message: 'announce info length exceeds limit!',
    });
    expect(await get()).toBe('kept');
  });

  it('changes nothing else of the room', async () => {
    const { w, id, set } = await setup();
    const before = await w.details(id);
    await set('news');
    expect(await w.details(id)).toEqual(before);
  });

  it('refuses an unknown room', async () => {
    const { set } = await setup();
    expect(await failureOf(set('hi', '404'))).toEqual(ROOM_404);
  });
});
