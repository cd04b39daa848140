import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';

/**
 * Brings the element the address's #fragment names into view (a queue's link to a household's card), and focuses it for
 * the keyboard. The cards above it load one by one and grow the page, so it is brought back into view each time the
 * page's size changes — until the person scrolls, touches or types, when the page is theirs.
 */
export function ScrollToHash() {
  const { hash } = useLocation();
  useEffect(() => {
    const id = hash.length > 1 ? decodeURIComponent(hash.slice(1)) : null;
    if (!id) return;
    let focused = false;
    const bring = () => {
      const target = document.getElementById(id);
      if (!target) return;
      target.scrollIntoView({ block: 'start' });
      if (!focused) target.focus({ preventScroll: true });
      focused = true;
    };
    const resized = new ResizeObserver(bring);
    resized.observe(document.body);
    const letGo = () => stop();
    const events = ['wheel', 'touchstart', 'keydown', 'mousedown'] as const;
    function stop() {
      resized.disconnect();
      for (const event of events) window.removeEventListener(event, letGo);
    }
    for (const event of events) window.addEventListener(event, letGo, { passive: true });
    bring();
    return stop;
  }, [hash]);
  return null;
}
