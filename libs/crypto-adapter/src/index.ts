export { JoseTokenSigner } from './jose-token-signer.js';
export { NodeRandom } from './node-random.js';
export {
  APP_SECRET_SCRYPT_PARAMETERS,
  DEFAULT_SCRYPT_PARAMETERS,
  ScryptCredentialHasher,
  type ScryptParameters,
} from './scrypt-credential-hasher.js';
export { SystemClock } from './system-clock.js';
export {
  AesGcmKeySealer,
  MASTER_KEY_MIN_BYTES,
  newMasterKeyText,
  parseMasterKey,
  type SealPurpose,
} from './aes-gcm-key-sealer.js';
