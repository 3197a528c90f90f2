// Times in the browser's time zone, UTC kept on hover (the page says UTC without this file), and
// the filter forms' times read in the same zone: their hidden `tz` field tells the server which.
(() => {
  const pad = (n) => String(n).padStart(2, '0');
  const zoneName = (date) =>
    new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' })
      .formatToParts(date)
      .find((part) => part.type === 'timeZoneName').value;
  for (const element of document.querySelectorAll('time[datetime]')) {
    const d = new Date(element.getAttribute('datetime'));
    element.textContent = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${zoneName(d)}`;
  }
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  for (const form of document.querySelectorAll('form')) {
    const tz = form.querySelector('input[type="hidden"][name="tz"]');
    if (!tz) continue;
    // A filter already made in a zone (a shared URL) stays in it.
    tz.value = tz.value || browserZone;
    for (const label of form.querySelectorAll('.zone')) label.textContent = `(${tz.value})`;
  }
})();
