import { describe, expect, it } from 'vitest';
import { budgetFor } from './easemob-rate-classes.js';

describe('budgetFor', () => {
  it('is off when the app says off', () => {
    expect(budgetFor('off', 'POST', '/:org/:app/chatrooms')).toBeUndefined();
  });

  it('is one budget for the whole app under a plain number', () => {
    expect(budgetFor({ perSecond: 7 }, 'POST', '/:org/:app/chatrooms')).toEqual({ name: 'app', perSecond: 7 });
    expect(budgetFor({ perSecond: 7 }, 'GET', '/:org/:app/users/:username')).toEqual({ name: 'app', perSecond: 7 });
  });

  // Easemob §6, row by row.
  it.each([
    ['POST', '/:org/:app/token', 'token', 300],
    ['GET', '/:org/:app/chatrooms', 'chatrooms.list', 50],
    ['GET', '/:org/:app/users/:username/joined_chatrooms', 'users.joined_chatrooms', 50],
    ['GET', '/:org/:app/chatrooms/:ids', 'GET /chatrooms/:ids', 100],
    ['HEAD', '/:org/:app/chatrooms/:ids', 'GET /chatrooms/:ids', 100],
    ['POST', '/:org/:app/chatrooms', 'chatrooms.create', 50],
    ['PUT', '/:org/:app/chatrooms/:id', 'PUT /chatrooms/:id', 100],
    ['DELETE', '/:org/:app/chatrooms/:id', 'DELETE /chatrooms/:id', 100],
    ['POST', '/:org/:app/chatrooms/:id/users', 'POST /chatrooms/:id/users', 100],
    ['POST', '/:org/:app/metadata/chatroom/:id', 'POST /metadata/chatroom/:id', 100],
    ['POST', '/:org/:app/users', 'users', 100],
    ['GET', '/:org/:app/users/:username', 'users', 100],
    ['DELETE', '/:org/:app/users/:username', 'users', 100],
  ])('easemob: %s %s → %s at %d/s', (method, route, name, perSecond) => {
    expect(budgetFor('easemob', method, route)).toEqual({ name, perSecond });
  });
});
