import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';

/** Brings the element the address's #fragment names into view (a queue's link to a household's card), and focuses it for the keyboard. */
export function ScrollToHash() {
  const { hash } = useLocation();
  useEffect(() => {
    const target = hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }, [hash]);
  return null;
}
