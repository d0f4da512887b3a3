import { describe, expect, it } from 'vitest';
import { AddMembers } from './add-members/add-members.js';
import { BlockUsers } from './block-users/block-users.js';
import { DeleteUser } from './delete-user/delete-user.js';
import { DissolveChatroom } from './dissolve-chatroom/dissolve-chatroom.js';
import { RemoveMembers } from './remove-members/remove-members.js';
import { TestWorld } from './test-fixtures.js';

/** A room in which bob and carol both have a role, a mute, an allowlist entry and two attributes. */
async function setup() {
  const w = await TestWorld.create();
  await w.users('alice', 'bob', 'carol');
  const id = await w.room('alice', ['bob', 'carol'], { roomId: 'lounge' });
  await w.entangle(id, 'bob');
  await w.entangle(id, 'carol');
  return { w, id };
}

const ENTANGLED = ['admin', 'muted', 'allowlist', 'attribute:bob.kept', 'attribute:bob.temp'];

// Leaving takes the membership with its admin role, the mute, the allowlist entry and the
// autoDelete attributes; NO_DELETE attributes stay. The bystander keeps everything.
describe('leaving a room', () => {
  it('the setup gives bob everything leaving is about', async () => {
    const { w, id } = await setup();
    expect(await w.traces(id, 'bob')).toEqual(ENTANGLED);
  });

  it('being removed leaves only the NO_DELETE attribute', async () => {
    const { w, id } = await setup();
    await new RemoveMembers(w.deps).one(w.app, id, 'bob');
    expect(await w.traces(id, 'bob')).toEqual(['attribute:bob.kept']);
    expect(await w.traces(id, 'carol')).toEqual(ENTANGLED.map((t) => t.replace('bob', 'carol')));
  });

  it('being removed in a batch does the same', async () => {
    const { w, id } = await setup();
    await new RemoveMembers(w.deps).many(w.app, id, ['bob', 'carol']);
    expect(await w.traces(id, 'bob')).toEqual(['attribute:bob.kept']);
    expect(await w.traces(id, 'carol')).toEqual(['attribute:carol.kept']);
  });

  it('being blocked leaves the blocklist entry and the NO_DELETE attribute', async () => {
    const { w, id } = await setup();
    await new BlockUsers(w.deps).one(w.app, id, 'bob');
    expect(await w.traces(id, 'bob')).toEqual(['blocklist', 'attribute:bob.kept']);
    expect(await w.traces(id, 'carol')).toHaveLength(ENTANGLED.length);
  });

  it('being blocked in a batch does the same', async () => {
    const { w, id } = await setup();
    await new BlockUsers(w.deps).many(w.app, id, ['bob']);
    expect(await w.traces(id, 'bob')).toEqual(['blocklist', 'attribute:bob.kept']);
  });

  it('coming back after leaving starts afresh: an ordinary member, not muted, not allowlisted', async () => {
    const { w, id } = await setup();
    await new RemoveMembers(w.deps).one(w.app, id, 'bob');
    await new AddMembers(w.deps).execute(w.app, id, ['bob']);
    expect(await w.traces(id, 'bob')).toEqual(['member', 'attribute:bob.kept']);
  });

  it('a dissolved room keeps nothing, not even NO_DELETE attributes: a new room with its id starts empty', async () => {
    const { w, id } = await setup();
    await new DissolveChatroom(w.deps).execute(w.app, id);
    expect(await w.traces(id, 'bob')).toEqual([]);
    await w.room('alice', ['bob'], { roomId: id });
    expect(await w.traces(id, 'bob')).toEqual(['member']);
    expect(await w.traces(id, 'carol')).toEqual([]);
  });

  // The user repository deletes everything a deleted user owns, NO_DELETE attributes included
  // (UserRepository.delete); there is nobody left to own them.
  it('a deleted user leaves nothing behind, NO_DELETE attributes included', async () => {
    const { w, id } = await setup();
    await new DeleteUser(w.deps).execute(w.app, 'bob');
    expect(await w.traces(id, 'bob')).toEqual([]);
    expect(await w.traces(id, 'carol')).toHaveLength(ENTANGLED.length);
  });
});
