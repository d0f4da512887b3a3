import { describeTokenSignerContract } from '@chatroom/domain/testing';
import { JoseTokenSigner } from './jose-token-signer.js';

describeTokenSignerContract('JoseTokenSigner', () => new JoseTokenSigner());
