import { describe, expect, it } from 'vitest';
import { BLOCK_FOREVER, type RoomEvent } from '../model/room-event.js';
import { AddMembers } from './add-members/add-members.js';
import { AddSuperAdmin } from './add-super-admin/add-super-admin.js';
import { AllowUsers } from './allow-users/allow-users.js';
import { BlockUsers } from './block-users/block-users.js';
import { DeleteRoomAttributes } from './delete-room-attributes/delete-room-attributes.js';
import { DeleteUser } from './delete-user/delete-user.js';
import { DemoteAdmin } from './demote-admin/demote-admin.js';
import { DissolveChatroom } from './dissolve-chatroom/dissolve-chatroom.js';
import { ModifyChatroom } from './modify-chatroom/modify-chatroom.js';
import { MuteMembers } from './mute-members/mute-members.js';
import { PromoteAdmin } from './promote-admin/promote-admin.js';
import { RemoveFromRoomUserList } from './remove-from-room-user-list/remove-from-room-user-list.js';
import { RemoveMembers } from './remove-members/remove-members.js';
import { RemoveSuperAdmin } from './remove-super-admin/remove-super-admin.js';
import { SetAnnouncement } from './set-announcement/set-announcement.js';
import { SetMuteAll } from './set-mute-all/set-mute-all.js';
import { SetRoomAttributes } from './set-room-attributes/set-room-attributes.js';
import { HOUR_MS, TestWorld, failureOf } from './test-fixtures.js';
import { TransferChatroom } from './transfer-chatroom/transfer-chatroom.js';
import { UnmuteMembers } from './unmute-members/unmute-members.js';

/** alice owns a room with bob and carol; the events recorded so far are forgotten. */
async function world() {
  const w = await TestWorld.create();
  await w.users('alice', 'bob', 'carol', 'dave');
  const id = await w.room('alice', ['bob', 'carol'], { name: 'Launch', description: 'd', maxUsers: 50 });
  const state = w.deps.uow.state;
  const mark = state.events.length;
  /** The events committed since the world was made (or since the last call), without the app fields. */
  const since = { at: mark };
  const events = (): Omit<RoomEvent, 'appId' | 'org' | 'app' | 'operator'>[] => {
    const fresh = state.events.slice(since.at);
    since.at = state.events.length;
    for (const e of fresh) {
      expect(e).toMatchObject({
        appId: w.app.id,
        org: 'acme',
        app: 'chat',
        operator: '@ppAdmin',
        timestamp: w.deps.clock.now(),
      });
    }
    return fresh.map(({ appId: _a, org: _o, app: _p, operator: _op, id: _i, seq: _s, timestamp: _t, ...rest }) => rest);
  };
  return { w, id, events };
}

const INFO = {
  owner: 'acme#chat_alice',
  custom: '',
  description: 'd',
  mute: 'false',
  mute_duration: 0,
  avatar: '',
  title: 'Launch',
  max_users: '50',
  invite_need_confirm: 'false',
  public: 'true',
  allow_user_invites: 'false',
  disabled: 'false',
};

describe('the events each operation emits', () => {
  it('create: CREATE with role, member and info, then JOIN/DIRECT for the members placed in', async () => {
    const w = await TestWorld.create();
    await w.users('alice', 'bob', 'carol');
    const id = await w.room('alice', ['bob', 'carol'], { name: 'Launch', description: 'd', maxUsers: 50 });
    expect(w.deps.uow.state.events.map(({ appId: _a, id: _i, seq: _s, timestamp: _t, ...e }) => e)).toEqual([
      {
        org: 'acme',
        app: 'chat',
        roomId: id,
        operation: 'CREATE',
        operator: '@ppAdmin',
        payload: {
          role: { alice: 'owner' },
          member: ['bob', 'carol'],
          info: { ...INFO, created: String(w.deps.clock.now()) },
        },
      },
      {
        org: 'acme',
        app: 'chat',
        roomId: id,
        operation: 'JOIN',
        operator: '@ppAdmin',
        payload: { member: ['bob', 'carol'], type: 'DIRECT' },
        memberCount: 3,
      },
    ]);
  });

  it('create without members: CREATE alone, with an empty member list and no count', async () => {
    const w = await TestWorld.create();
    await w.users('alice');
    await w.room('alice');
    expect(w.deps.uow.state.events.map((e) => [e.operation, e.payload?.['member'], e.memberCount])).toEqual([
      ['CREATE', [], undefined],
    ]);
  });

  it('modify: UPDATE/INFO with the whole room after the change', async () => {
    const { w, id, events } = await world();
    await new ModifyChatroom(w.deps).execute(w.app, id, { maxUsers: 80, name: 'Day 2' });
    expect(events()).toEqual([
      {
        roomId: id,
        operation: 'UPDATE',
        payload: {
          type: 'INFO',
          info: { ...INFO, title: 'Day 2', max_users: '80', created: String(w.deps.clock.now()) },
        },
      },
    ]);
  });

  it('transfer: UPDATE/OWNER with the previous and the new owner', async () => {
    const { w, id, events } = await world();
    await new TransferChatroom(w.deps).execute(w.app, id, 'bob');
    expect(events()).toEqual([
      { roomId: id, operation: 'UPDATE', payload: { owner: 'alice', new_owner: 'bob', type: 'OWNER' } },
    ]);
  });

  it('dissolve: DELETE without payload, then LEAVE/DELETE listing every member (no count)', async () => {
    const { w, id, events } = await world();
    await new DissolveChatroom(w.deps).execute(w.app, id);
    expect(events()).toEqual([
      { roomId: id, operation: 'DELETE' },
      { roomId: id, operation: 'LEAVE', payload: { member: ['alice', 'bob', 'carol'], type: 'DELETE' } },
    ]);
  });

  it('add members: JOIN/DIRECT with only those who were not members yet, and the count after', async () => {
    const { w, id, events } = await world();
    await new AddMembers(w.deps).execute(w.app, id, ['bob', 'dave']);
    expect(events()).toEqual([
      { roomId: id, operation: 'JOIN', payload: { member: ['dave'], type: 'DIRECT' }, memberCount: 4 },
    ]);
    await new AddMembers(w.deps).execute(w.app, id, ['bob']);
    expect(events()).toEqual([]);
  });

  it('remove members: LEAVE/KICK with the count after, one and many (failed users left out)', async () => {
    const { w, id, events } = await world();
    const remove = new RemoveMembers(w.deps);
    await remove.one(w.app, id, 'bob');
    expect(events()).toEqual([
      { roomId: id, operation: 'LEAVE', payload: { member: ['bob'], type: 'KICK' }, memberCount: 2 },
    ]);
    await remove.many(w.app, id, ['carol', 'dave', 'alice']);
    expect(events()).toEqual([
      { roomId: id, operation: 'LEAVE', payload: { member: ['carol'], type: 'KICK' }, memberCount: 1 },
    ]);
    await remove.many(w.app, id, ['dave']);
    expect(events()).toEqual([]);
  });

  it('block: BLOCK/ADD then LEAVE/BLOCK with the count after (E20 + E11); unblock: BLOCK/REMOVE', async () => {
    const { w, id, events } = await world();
    await new BlockUsers(w.deps).one(w.app, id, 'bob');
    expect(events()).toEqual([
      { roomId: id, operation: 'BLOCK', payload: { member: ['bob'], expire_timestamp: BLOCK_FOREVER, type: 'ADD' } },
      { roomId: id, operation: 'LEAVE', payload: { member: ['bob'], type: 'BLOCK' }, memberCount: 2 },
    ]);
    await new BlockUsers(w.deps).many(w.app, id, ['carol', 'dave']);
    expect(events()).toEqual([
      { roomId: id, operation: 'BLOCK', payload: { member: ['carol'], expire_timestamp: BLOCK_FOREVER, type: 'ADD' } },
      { roomId: id, operation: 'LEAVE', payload: { member: ['carol'], type: 'BLOCK' }, memberCount: 1 },
    ]);
    await new RemoveFromRoomUserList(w.deps).execute(w.app, id, 'blocklist', ['bob', 'dave']);
    expect(events()).toEqual([{ roomId: id, operation: 'BLOCK', payload: { member: ['bob'], type: 'REMOVE' } }]);
  });

  it('allowlist: WHITE/ADD, one and many; WHITE/REMOVE', async () => {
    const { w, id, events } = await world();
    await new AllowUsers(w.deps).one(w.app, id, 'bob');
    await new AllowUsers(w.deps).many(w.app, id, ['carol', 'dave']);
    await new RemoveFromRoomUserList(w.deps).execute(w.app, id, 'allowlist', ['bob']);
    expect(events()).toEqual([
      { roomId: id, operation: 'WHITE', payload: { member: ['bob'], type: 'ADD' } },
      { roomId: id, operation: 'WHITE', payload: { member: ['carol'], type: 'ADD' } },
      { roomId: id, operation: 'WHITE', payload: { member: ['bob'], type: 'REMOVE' } },
    ]);
  });

  it('admins: ADMIN/ADD and ADMIN/REMOVE; promoting an admin again emits nothing', async () => {
    const { w, id, events } = await world();
    await new PromoteAdmin(w.deps).execute(w.app, id, 'bob');
    await new PromoteAdmin(w.deps).execute(w.app, id, 'bob');
    await new DemoteAdmin(w.deps).execute(w.app, id, 'bob');
    expect(events()).toEqual([
      { roomId: id, operation: 'ADMIN', payload: { admin: ['bob'], type: 'ADD' } },
      { roomId: id, operation: 'ADMIN', payload: { admin: ['bob'], type: 'REMOVE' } },
    ]);
  });

  it('mutes: MUTE/ADD with the expiry, MUTE/REMOVE (also for a duration of 0)', async () => {
    const { w, id, events } = await world();
    await new MuteMembers(w.deps).execute(w.app, id, ['bob', 'carol'], HOUR_MS);
    await new UnmuteMembers(w.deps).execute(w.app, id, ['bob']);
    await new MuteMembers(w.deps).execute(w.app, id, ['carol'], 0);
    expect(events()).toEqual([
      {
        roomId: id,
        operation: 'MUTE',
        payload: { member: ['bob', 'carol'], expire_timestamp: w.deps.clock.now() + HOUR_MS, type: 'ADD' },
      },
      { roomId: id, operation: 'MUTE', payload: { member: ['bob'], type: 'REMOVE' } },
      { roomId: id, operation: 'MUTE', payload: { member: ['carol'], type: 'REMOVE' } },
    ]);
  });

  it('mute-all: UPDATE/MUTE with true, then false', async () => {
    const { w, id, events } = await world();
    await new SetMuteAll(w.deps).execute(w.app, id, true);
    await new SetMuteAll(w.deps).execute(w.app, id, false);
    expect(events()).toEqual([
      { roomId: id, operation: 'UPDATE', payload: { mute: true, type: 'MUTE' } },
      { roomId: id, operation: 'UPDATE', payload: { mute: false, type: 'MUTE' } },
    ]);
  });

  it('announcement: UPDATE/ANNOUNCEMENT with the text; cleared: the key omitted', async () => {
    const { w, id, events } = await world();
    await new SetAnnouncement(w.deps).execute(w.app, id, 'Q&A at 20:00');
    await new SetAnnouncement(w.deps).execute(w.app, id, '');
    expect(events()).toEqual([
      { roomId: id, operation: 'UPDATE', payload: { type: 'ANNOUNCEMENT', announcement: 'Q&A at 20:00' } },
      { roomId: id, operation: 'UPDATE', payload: { type: 'ANNOUNCEMENT' } },
    ]);
  });

  it('custom attributes: METADATA/SET with the keys set, METADATA/DELETE with the keys removed', async () => {
    const { w, id, events } = await world();
    await new SetRoomAttributes(w.deps).execute(w.app, id, 'bob', {
      metaData: { topic: 'cats', 'bad key!': 'x' },
      forced: false,
    });
    await new DeleteRoomAttributes(w.deps).execute(w.app, id, 'bob', ['topic', 'nope'], false);
    await new DeleteRoomAttributes(w.deps).execute(w.app, id, 'bob', ['nope'], false);
    expect(events()).toEqual([
      { roomId: id, operation: 'METADATA', payload: { type: 'SET', user: 'bob', properties: { topic: 'cats' } } },
      { roomId: id, operation: 'METADATA', payload: { type: 'DELETE', user: 'bob', keys: ['topic'] } },
    ]);
  });

  it('super admins: ROOM_SUPER_ADMIN/ADD and REMOVE with an empty room id', async () => {
    const { w, events } = await world();
    await new AddSuperAdmin(w.deps).execute(w.app, 'dave');
    await new RemoveSuperAdmin(w.deps).execute(w.app, 'dave');
    expect(events()).toEqual([
      { roomId: '', operation: 'ROOM_SUPER_ADMIN', payload: { admin: ['dave'], type: 'ADD' } },
      { roomId: '', operation: 'ROOM_SUPER_ADMIN', payload: { admin: ['dave'], type: 'REMOVE' } },
    ]);
  });

  it('user deletion: LEAVE/KICK with the count after from each room they were in; each room they owned as a dissolve (DELETE, then LEAVE/DELETE with its members)', async () => {
    const { w, id, events } = await world();
    const own = await w.room('bob', ['dave', 'carol']);
    const alone = await w.room('bob');
    events();
    await new DeleteUser(w.deps).execute(w.app, 'bob');
    expect(events()).toEqual([
      { roomId: id, operation: 'LEAVE', payload: { member: ['bob'], type: 'KICK' }, memberCount: 2 },
      { roomId: own, operation: 'DELETE' },
      { roomId: own, operation: 'LEAVE', payload: { member: ['bob', 'dave', 'carol'], type: 'DELETE' } },
      { roomId: alone, operation: 'DELETE' },
      { roomId: alone, operation: 'LEAVE', payload: { member: ['bob'], type: 'DELETE' } },
    ]);
  });

  it('a failed operation emits nothing (its unit rolls back)', async () => {
    const { w, id, events } = await world();
    await failureOf(new AddMembers(w.deps).execute(w.app, id, ['dave', 'ghost']));
    await failureOf(new ModifyChatroom(w.deps).execute(w.app, id, { maxUsers: 2 }));
    await failureOf(new DissolveChatroom(w.deps).execute(w.app, '404'));
    expect(events()).toEqual([]);
  });

  it('reads emit nothing', async () => {
    const { w, events } = await world();
    await w.details((await w.roomIds())[0]!);
    await w.roomIds();
    expect(events()).toEqual([]);
  });
});
