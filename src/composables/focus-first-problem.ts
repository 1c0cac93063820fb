/**
 * On Save with problems: the first field marked wrong comes into view and gets the focus (the
 * docked keyboard then shows for it), however far down the form it is.
 */
export function focusFirstProblem(form: HTMLElement | null): void {
  const field = form?.querySelector<HTMLElement>('[aria-invalid="true"]')
  if (!field) return
  field.scrollIntoView({ block: 'center' })
  field.focus({ preventScroll: true })
}
