import type { IncomingMessage } from 'node:http';
import { Rejection, WebhookErrorCode } from './webhook-rejection.js';

/** True for `application/json`, with or without parameters; a charset parameter must be UTF-8. */
export function isJsonContentType(value: string): boolean {
  const [mediaType = '', ...parameters] = value.split(';');
  if (mediaType.trim().toLowerCase() !== 'application/json') return false;
  return parameters.every((parameter) => {
    const [name = '', setting = ''] = parameter.split('=');
    return name.trim().toLowerCase() !== 'charset' || /^"?utf-?8"?$/i.test(setting.trim());
  });
}

/**
 * The checks that need no hook and no body: the method, then Content-Encoding (any encoding other
 * than identity is refused), then Content-Type (absent is allowed: the body must still verify).
 */
export function checkWebhookHeaders(req: IncomingMessage): Rejection | undefined {
  if (req.method !== 'POST') {
    return new Rejection(405, WebhookErrorCode.methodNotAllowed, 'bad_request', 'use POST', {
      allow: 'POST',
    });
  }
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
    return new Rejection(
      415,
      WebhookErrorCode.unsupportedMediaType,
      'unsupported_media',
      'send the body without a Content-Encoding',
    );
  }
  const type = req.headers['content-type'];
  if (type !== undefined && !isJsonContentType(type)) {
    return new Rejection(
      415,
      WebhookErrorCode.unsupportedMediaType,
      'unsupported_media',
      'send Content-Type: application/json',
    );
  }
  return undefined;
}
