// Tiếp nhận văn bản: each file is sent on its own to POST /api/v1/inbox, with a progress bar while it uploads and while the
// archive checks it, then its outcome. Text from the server is set as text, never as markup.
const form = document.getElementById('upload');
const outcomes = document.getElementById('outcomes');
const zone = form.querySelector('.drop-zone');
const input = document.getElementById('files');

zone.addEventListener('dragover', event => { event.preventDefault(); zone.classList.add('drag'); });
zone.addEventListener('dragleave', () => zone.classList.remove('drag'));
zone.addEventListener('drop', event => {
  event.preventDefault();
  zone.classList.remove('drag');
  input.files = event.dataTransfer.files;
});

const statusNames = { accepted: 'Đã tiếp nhận', pending: 'Chờ xử lý', duplicate: 'Trùng', rejected: 'Trả lại' };

function row(file) {
  const item = document.createElement('li');
  item.className = 'list-group-item';
  item.dataset.test = 'outcome';
  const name = document.createElement('div');
  name.textContent = file.name;
  const bar = document.createElement('progress');
  bar.max = 100;
  bar.value = 0;
  bar.className = 'w-100';
  const text = document.createElement('div');
  text.className = 'small';
  text.textContent = 'Đang gửi…';
  item.append(name, bar, text);
  outcomes.append(item);
  return { item, bar, text };
}

function send(file, shown) {
  return new Promise(resolve => {
    const data = new FormData();
    data.append('files', file, file.name);
    data.append('dossier', document.getElementById('dossier').value);
    data.append('metadata', document.getElementById('metadata').value);
    for (const other of input.files) data.append('batch', other.name);
    const request = new XMLHttpRequest();
    request.open('POST', '/api/v1/inbox');
    request.setRequestHeader(form.dataset.tokenHeader, form.dataset.token);
    request.upload.addEventListener('progress', event => {
      if (event.lengthComputable) shown.bar.value = Math.round(90 * event.loaded / event.total);
    });
    request.upload.addEventListener('load', () => { shown.text.textContent = 'Đang kiểm tra…'; });
    request.addEventListener('load', () => {
      shown.bar.value = 100;
      try {
        const body = JSON.parse(request.responseText);
        if (request.status >= 400) {
          shown.text.textContent = body.detail || ('Lỗi ' + request.status);
          shown.item.dataset.status = 'error';
        } else {
          for (const outcome of body) {
            shown.text.textContent = (statusNames[outcome.status] || outcome.status) +
              (outcome.arrivalNumber ? ', số đến ' + outcome.arrivalNumber : '') +
              (outcome.reasons.length ? ': ' + outcome.reasons.join('; ') : '');
            shown.item.dataset.status = outcome.status;
          }
        }
      } catch {
        shown.text.textContent = 'Lỗi ' + request.status;
        shown.item.dataset.status = 'error';
      }
      resolve();
    });
    request.addEventListener('error', () => {
      shown.text.textContent = 'Mất kết nối khi gửi tệp.';
      shown.item.dataset.status = 'error';
      resolve();
    });
    request.send(data);
  });
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  for (const file of input.files) await send(file, row(file));
  outcomes.dataset.done = 'true';
});
