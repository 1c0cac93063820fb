import type { ApiMethod } from '../shared/channels'
import { CallRefused } from '../shared/call-refused'
import { contract } from '../shared/contract'
import type { Logger } from '../shared/logger'
import { problemsFromZod } from '../shared/problem'
import type { Handlers } from './backend-context'
import type { StaffGate } from './staff-gate'

/** Who is calling, as the transport found out: whether it trusts them, and a name for the log. */
export interface Caller {
  trusted: boolean
  from: string
}

export type Invoke = (method: string, args: unknown, caller: Caller) => Promise<unknown>

/**
 * The one door into the backend, for IPC and HTTP alike. Before any handler runs it checks,
 * in this order: that the method exists, that the transport trusts the caller, that the
 * arguments match the contract's schema, and that the method's access level is met (a staff
 * method needs a signed-in session, and counts as staff activity; a first-run method needs a
 * kiosk that has never been set up).
 */
export function createGuard(deps: {
  handlers: Handlers
  staff: StaffGate
  setupNeeded: () => Promise<boolean>
  log: Logger
}): Invoke {
  return async (method, args, caller) => {
    if (!Object.hasOwn(contract, method)) {
      deps.log.warn(`api: refused unknown method "${method}" from ${caller.from}`)
      throw new CallRefused('unknown-method', method)
    }
    const entry = contract[method as ApiMethod]
    if (!caller.trusted) {
      deps.log.warn(`api: refused ${method} from untrusted caller ${caller.from}`)
      throw new CallRefused('untrusted-caller', method)
    }
    const parsed = entry.args.safeParse(args)
    if (!parsed.success) {
      const fields = problemsFromZod(parsed.error)
        .map((p) => `${p.field} ${p.params?.['rule'] ?? ''}`)
        .join('; ')
      deps.log.warn(`api: refused ${method}: arguments ${fields}`)
      throw new CallRefused('invalid-arguments', method)
    }
    if (entry.access === 'staff' && !(await deps.staff.isOpen(true))) {
      throw new CallRefused('sign-in-required', method)
    }
    if (entry.access === 'first-run' && !(await deps.setupNeeded())) {
      deps.log.warn(`api: refused ${method}: this kiosk is already set up`)
      throw new CallRefused('setup-done', method)
    }
    const handler = deps.handlers[method as ApiMethod] as (...a: unknown[]) => Promise<unknown>
    return handler(...(parsed.data as unknown[]))
  }
}
