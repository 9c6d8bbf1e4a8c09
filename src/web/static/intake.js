// "Ny kontakt": updates the owner and due date as the area or the time of receipt changes. The
// page works without this script (the "Visa ansvarig och svarsdatum" button does the same).
(() => {
  const form = document.querySelector('form[action="/staff/cases/new"]');
  const out = document.getElementById('intake-preview');
  if (!form || !out) return;
  const category = form.querySelector('#category');
  const receivedAt = form.querySelector('#receivedAt');
  let latest = 0;
  async function update() {
    const ask = ++latest;
    const params = new URLSearchParams({ category: category?.value ?? '', receivedAt: receivedAt?.value ?? '' });
    try {
      const res = await fetch(`/staff/cases/new/preview?${params}`, { headers: { accept: 'application/json' } });
      if (!res.ok || ask !== latest) return;
      const { text } = await res.json();
      out.textContent = text || 'Välj område för att se ansvarig enhet och svarsdatum.';
    } catch {
      // Offline or signed out: the button still works.
    }
  }
  category?.addEventListener('change', update);
  receivedAt?.addEventListener('change', update);
})();
