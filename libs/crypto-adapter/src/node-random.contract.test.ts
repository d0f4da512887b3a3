import { describeRandomContract } from '@chatroom/domain/testing';
import { NodeRandom } from './node-random.js';

describeRandomContract('NodeRandom', () => new NodeRandom());
