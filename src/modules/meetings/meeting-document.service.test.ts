import { describe, expect, it } from 'vitest';
import { tinyPdf } from './meeting.demo.ts';
import { documentType } from './meeting-document.service.ts';

describe('documentType', () => {
  it('accepts a file only when its first bytes match its extension', () => {
    const zip = Buffer.from('PK\x03\x04rest-of-an-office-file', 'latin1');
    expect(documentType('a.pdf', tinyPdf('x'))?.contentType).toBe('application/pdf');
    expect(documentType('a.docx', zip)?.ext).toBe('docx');
    expect(documentType('a.PPTX', zip)?.ext).toBe('pptx');
    expect(documentType('a.pdf', zip)).toBeNull();
    expect(documentType('a.docx', tinyPdf('x'))).toBeNull();
    expect(documentType('a.exe', Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'))).toBeNull();
    expect(documentType('a.odt', zip)).toBeNull();
    const odt = Buffer.from(
      'PK\x03\x04\x14\x00\x00\x00\x00\x00mimetypeapplication/vnd.oasis.opendocument.text',
      'latin1',
    );
    expect(documentType('a.odt', odt)?.ext).toBe('odt');
  });
});
