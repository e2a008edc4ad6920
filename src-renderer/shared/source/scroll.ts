/**
 * Scrolls the box (not the page around it, as scrollIntoView would) so the element sits a third of
 * the way down it: the item with some of what comes before it in view.
 */
export function scrollToCentre(box: HTMLElement, element: HTMLElement): void {
  const top = element.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
  const left = element.getBoundingClientRect().left - box.getBoundingClientRect().left + box.scrollLeft;
  box.scrollTop = Math.max(0, top - box.clientHeight / 3);
  // A zoomed page is wider than the box: bring the words into view across as well.
  if (left < box.scrollLeft || left > box.scrollLeft + box.clientWidth - 40) box.scrollLeft = Math.max(0, left - 40);
}
