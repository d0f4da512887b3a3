import { describeCredentialHasherContract } from '@chatroom/domain/testing';
import { ScryptCredentialHasher } from './scrypt-credential-hasher.js';

describeCredentialHasherContract('ScryptCredentialHasher', () => new ScryptCredentialHasher());
