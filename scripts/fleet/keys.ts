import {
  createHash,
  createPrivateKey,
  generateKeyPairSync,
  sign,
  type KeyObject,
} from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Key, Signature } from '@tufjs/models'
import { z } from 'zod'
import { writeFileAtomic } from '../../electron/services/atomic-file'

export const roles = ['root', 'targets', 'snapshot', 'timestamp'] as const
export type RoleName = (typeof roles)[number]

export const passphraseVariable = 'KIOSK_FLEET_PASSPHRASE'
const minPassphraseLength = 12

/** A refusal the command line prints as it is: every message names what to do. */
export class FleetError extends Error {}

export function passphrase(env: NodeJS.ProcessEnv = process.env): string {
  const value = env[passphraseVariable] ?? ''
  if (value.length < minPassphraseLength)
    throw new FleetError(
      `Set ${passphraseVariable} to a passphrase of at least ${minPassphraseLength} characters: private keys are never written or read unencrypted.`,
    )
  return value
}

const keyFileSchema = z.strictObject({
  role: z.enum(roles),
  keytype: z.literal('ed25519'),
  scheme: z.literal('ed25519'),
  keyid: z.string().regex(/^[0-9a-f]{64}$/),
  public: z.string().regex(/^[0-9a-f]{64}$/),
  /** PKCS#8, encrypted with the passphrase (AES-256-CBC, PBKDF2): `openssl pkey` reads it too. */
  privatePem: z.string().startsWith('-----BEGIN ENCRYPTED PRIVATE KEY-----'),
})

export interface SigningKey {
  role: RoleName
  key: Key
  sign: (data: Buffer) => Signature
}

const keyFileName = (role: RoleName) => `${role}.key.json`

/** The keyid TUF and python-tuf use: sha256 of the public key's canonical JSON. */
function keyIdOf(publicHex: string): string {
  const canonical = `{"keytype":"ed25519","keyval":{"public":"${publicHex}"},"scheme":"ed25519"}`
  return createHash('sha256').update(canonical).digest('hex')
}

function tufKey(keyid: string, publicHex: string): Key {
  return new Key({
    keyID: keyid,
    keyType: 'ed25519',
    scheme: 'ed25519',
    keyVal: { public: publicHex },
  })
}

function signer(keyid: string, privateKey: KeyObject) {
  return (data: Buffer) =>
    new Signature({ keyID: keyid, sig: sign(null, data, privateKey).toString('hex') })
}

/** Makes a new Ed25519 key for a role and writes it encrypted; the passphrase never touches the disk. */
export async function createKey(dir: string, role: RoleName, secret: string): Promise<SigningKey> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519', {
    publicKeyEncoding: { type: 'spki', format: 'der' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: secret },
  })
  // The raw 32-byte key is the last part of the SPKI encoding.
  const publicHex = publicKey.subarray(-32).toString('hex')
  const keyid = keyIdOf(publicHex)
  const file = {
    role,
    keytype: 'ed25519',
    scheme: 'ed25519',
    keyid,
    public: publicHex,
    privatePem: privateKey,
  }
  await writeFileAtomic(join(dir, keyFileName(role)), `${JSON.stringify(file, null, 2)}\n`)
  return {
    role,
    key: tufKey(keyid, publicHex),
    sign: signer(keyid, createPrivateKey({ key: privateKey, passphrase: secret })),
  }
}

export async function loadKey(dir: string, role: RoleName, secret: string): Promise<SigningKey> {
  const path = join(dir, keyFileName(role))
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    throw new FleetError(
      role === 'root'
        ? `The root key is not in ${dir}: bring the offline key drive (see docs/fleet.md, key ceremony).`
        : `There is no ${role} key in ${dir} (${keyFileName(role)}). Run "fleet init" first, or point --keys at the folder holding the keys.`,
    )
  }
  const parsed = keyFileSchema.safeParse(JSON.parse(text))
  if (!parsed.success || parsed.data.role !== role)
    throw new FleetError(`${path} is not a ${role} key written by "fleet init".`)
  let privateKey: KeyObject
  try {
    privateKey = createPrivateKey({ key: parsed.data.privatePem, passphrase: secret })
  } catch {
    throw new FleetError(
      `${path} cannot be opened with this ${passphraseVariable}: is it the passphrase chosen at "fleet init"?`,
    )
  }
  return {
    role,
    key: tufKey(parsed.data.keyid, parsed.data.public),
    sign: signer(parsed.data.keyid, privateKey),
  }
}
