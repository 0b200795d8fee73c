// Renders the PDF/A preservation copy of a document page into canvases with pdf.js (served by the archive, never a CDN).
import * as pdfjs from '/lib/pdfjs/pdf.min.mjs';

pdfjs.GlobalWorkerOptions.workerSrc = '/lib/pdfjs/pdf.worker.min.mjs';

for (const viewer of document.querySelectorAll('[data-pdf]')) {
  try {
    // No eval: the Content-Security-Policy allows none.
    const pdf = await pdfjs.getDocument({ url: viewer.dataset.pdf, isEvalSupported: false }).promise;
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const viewport = page.getViewport({ scale: 1.25 });
      const canvas = document.createElement('canvas');
      canvas.width = viewport.width;
      canvas.height = viewport.height;
      canvas.className = 'pdf-page';
      canvas.setAttribute('aria-label', `Trang ${number}`);
      viewer.append(canvas);
      await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
    }
    viewer.dataset.rendered = String(pdf.numPages);
  } catch (error) {
    viewer.textContent = 'Không hiển thị được bản PDF/A: ' + error.message;
    viewer.dataset.rendered = 'error';
  }
}
