// Progressive enhancement only: every form works without this file.
// A button with data-confirm asks before its form is sent.
document.addEventListener('submit', (event) => {
  const button = event.submitter;
  const question = button && button.getAttribute('data-confirm');
  if (question && !window.confirm(question)) event.preventDefault();
});
