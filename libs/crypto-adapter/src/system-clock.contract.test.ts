import { describeClockContract } from '@chatroom/domain/testing';
import { SystemClock } from './system-clock.js';

describeClockContract('SystemClock', () => new SystemClock());
