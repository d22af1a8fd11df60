/** The intake page's words, Korean and English. Plain statements, said before anyone writes. */
export type IntakeLang = 'ko' | 'en';

export const TEXT = {
  ko: {
    title: '안전한 제보',
    protectedHead: '보호되는 것',
    protectedBody:
      '메시지와 파일은 보내기 전에 이 브라우저 안에서 암호화됩니다. 서버는 암호문만 보관하며, 인가된 직원만 열 수 있습니다. 서버는 IP 주소, 브라우저 정보, 정확한 시각을 기록하지 않습니다(날짜만 남습니다).',
    notProtectedHead: '보호되지 않는 것',
    notProtectedBody:
      '이 기기와 네트워크는 여전히 감시될 수 있습니다: 이 페이지를 연 사실, 보낸 양, 시각은 인터넷 사업자나 기기를 가진 사람이 알 수 있습니다. 가능하면 Tor 브라우저와 안전한 기기를 쓰세요. 영수증 단어를 잃으면 답장을 읽을 수 없고, 다른 사람이 보면 답장을 읽을 수 있습니다.',
    message: '메시지',
    files: '파일 첨부 (선택)',
    consent: '이 자료를 인권 기록에 사용하는 데 동의합니다',
    send: '암호화하여 보내기',
    receiptHead: '영수증',
    receiptBody: '이 단어들을 안전한 곳에 적어 두세요. 이것만이 답장을 읽는 방법입니다. 다시 보여 드릴 수 없습니다.',
    returnHead: '답장 확인',
    receiptInput: '영수증 단어',
    open: '열기',
    followup: '추가 메시지',
    sendFollowup: '추가 메시지 보내기',
    noscript: '자바스크립트가 꺼져 있습니다. 더 약한 텍스트 전용 양식을 쓸 수 있습니다:',
    nojsLink: '텍스트 전용 양식 (약함)',
    nojsTitle: '텍스트 전용 양식 (더 약한 보호)',
    nojsWarning:
      '이 양식은 브라우저에서 암호화하지 않습니다. 서버가 메시지를 받는 순간 메모리 안에서 직원에게 암호화하므로, 서버를 장악한 사람은 그 순간 내용을 볼 수 있습니다. 파일과 답장은 지원하지 않습니다.',
    nojsSent: '받았습니다. 이 양식으로는 답장을 받을 수 없습니다.',
    exifHead: '파일이 드러내는 정보',
    strip: '위치·기기 정보 제거',
  },
  en: {
    title: 'Secure intake',
    protectedHead: 'What is protected',
    protectedBody:
      'Your message and files are encrypted in this browser before they leave it. The server keeps only ciphertext that only authorised staff can open. It records no IP address, no browser details and no exact time (only the day).',
    notProtectedHead: 'What is not protected',
    notProtectedBody:
      'This device and your network can still be watched: that you opened this page, how much you sent and when can be known to your internet provider or to whoever holds this device. Use Tor Browser and a safe device if you can. If you lose the receipt words you cannot read replies; whoever sees them can.',
    message: 'Message',
    files: 'Attach files (optional)',
    consent: 'I agree that this material may be used to document human-rights abuses',
    send: 'Encrypt and send',
    receiptHead: 'Your receipt',
    receiptBody: 'Write these words down somewhere safe. They are the only way to read replies, and cannot be shown again.',
    returnHead: 'Read replies',
    receiptInput: 'Receipt words',
    open: 'Open',
    followup: 'Another message',
    sendFollowup: 'Send another message',
    noscript: 'JavaScript is off. You can use a weaker, text-only form:',
    nojsLink: 'Text-only form (weaker)',
    nojsTitle: 'Text-only form (weaker protection)',
    nojsWarning:
      'This form does not encrypt in your browser. The server encrypts your message to the staff in memory the moment it arrives, so whoever controls the server at that moment could read it. Files and replies are not supported.',
    nojsSent: 'Received. Replies are not possible through this form.',
    exifHead: 'What your files reveal',
    strip: 'Remove location and device data',
  },
} as const;

/** Korean when the browser ranks it above English, else English. */
export function pickLanguage(acceptLanguage: string | undefined): IntakeLang {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? 1);
      return { tag, q: Number.isFinite(q) ? q : 0, i };
    })
    .sort((a, b) => b.q - a.q || a.i - b.i);
  const first = ranked.find((r) => r.tag.startsWith('ko') || r.tag.startsWith('en'));
  return first?.tag.startsWith('ko') ? 'ko' : 'en';
}

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
