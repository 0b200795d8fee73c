// Signs a PDF with @signpdf (node-forge underneath): an independent producer of adbe.pkcs7.detached signatures for the tests.
// Usage: node signpdf-sign.cjs IN.pdf OUT.pdf KEY.p12 PASSPHRASE
'use strict';
const fs = require('fs');
const { plainAddPlaceholder } = require('@signpdf/placeholder-plain');
const { P12Signer } = require('@signpdf/signer-p12');
const signpdf = require('@signpdf/signpdf').default;

(async () => {
  const [input, output, p12, passphrase] = process.argv.slice(2);
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: fs.readFileSync(input), reason: 'Ký duyệt', contactInfo: 'vanthu@hatinh.gov.vn', name: 'Nguyen Van An',
    location: 'Ha Tinh', signatureLength: 8192,
  });
  const signed = await signpdf.sign(withPlaceholder, new P12Signer(fs.readFileSync(p12), { passphrase }));
  fs.writeFileSync(output, signed);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
