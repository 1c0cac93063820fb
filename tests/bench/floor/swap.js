// The tap floor's only script (tests/bench/floor-pages.ts writes the pages that load it). The
// page holds two screens, both parsed and built before any tap: the one shown, and the other
// in a <template>. A tap swaps them, the least a page can do to change its screen.
const template = document.querySelector('template[data-screen]')
const other = template && document.adoptNode(template.content.firstElementChild)
let current = document.getElementById('app')
let waiting = other

document.addEventListener('click', (event) => {
  if (!current || !waiting) return
  event.preventDefault()
  current.replaceWith(waiting)
  ;[current, waiting] = [waiting, current]
})
