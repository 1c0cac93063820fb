import { createHash } from 'node:crypto'
import { compareVersions, type ChannelPointer } from '../../shared/fleet-pack'
import type { PackDecision } from '../../shared/fleet-status'

/** 0 to 99, fixed for a kiosk id: the same kiosks take a 10 % rollout, then those and more at 50 %. */
export function rolloutBucket(kioskId: string): number {
  return createHash('sha256').update(kioskId).digest().readUInt32BE(0) % 100
}

export function decidePack(
  pointer: ChannelPointer,
  kiosk: { kioskId: string; appVersion: string; now: Date; badPacks: readonly string[] },
): PackDecision {
  if (kiosk.badPacks.includes(pointer.packId)) return 'rolled-back'
  if (compareVersions(kiosk.appVersion, pointer.minAppVersion) < 0) return 'app-too-old'
  if (pointer.notBefore && kiosk.now.getTime() < Date.parse(pointer.notBefore)) return 'not-before'
  if (rolloutBucket(kiosk.kioskId) >= pointer.percent) return 'outside-rollout'
  return 'applies'
}
