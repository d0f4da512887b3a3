export { JoseTokenSigner } from './jose-token-signer.js';
export { NodeRandom } from './node-random.js';
export {
  DEFAULT_SCRYPT_PARAMETERS,
  ScryptCredentialHasher,
  type ScryptParameters,
} from './scrypt-credential-hasher.js';
export { SystemClock } from './system-clock.js';
