// Progressive enhancement only: every form works without this file.
// A button with data-confirm asks in the page before its form is sent (not window.confirm, which
// blocks the page and cannot be styled): the question, a button that sends (data-confirm-yes) and
// one that takes it back.
document.addEventListener('submit', (event) => {
  const button = event.submitter;
  const question = button && button.getAttribute('data-confirm');
  const form = event.target;
  if (!question || form.dataset.confirmed) return;
  event.preventDefault();
  const panel = document.createElement('div');
  panel.className = 'confirm notice warning';
  panel.setAttribute('role', 'alertdialog');
  panel.setAttribute('aria-labelledby', 'confirm-question');
  const text = document.createElement('p');
  text.id = 'confirm-question';
  text.textContent = question;
  const yes = document.createElement('button');
  yes.type = 'button';
  yes.className = 'danger';
  yes.textContent = button.getAttribute('data-confirm-yes') || 'Yes';
  const no = document.createElement('button');
  no.type = 'button';
  no.className = 'secondary';
  no.textContent = 'Cancel';
  yes.addEventListener('click', () => {
    form.dataset.confirmed = 'yes';
    form.requestSubmit(button);
  });
  no.addEventListener('click', () => {
    panel.remove();
    button.hidden = false;
    button.focus();
  });
  button.hidden = true;
  panel.append(text, yes, no);
  button.after(panel);
  yes.focus();
});
