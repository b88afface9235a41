/**
 * Hostile shapes of what may be POSTed to /slack/events: slash-command forms with fields dropped,
 * repeated or replaced; interaction payloads that are null, arrays, numbers or objects with wrong
 * types; Events API bodies likewise; raw bytes under any content type; huge and control-laden
 * texts. Each shape is built for one case number, so a slash command's answer can be told apart.
 */
import fc from 'fast-check';
import { OPEN_DEPLOYMENT_ACTION_ID, VIEW_LOGS_ACTION_ID } from '../../../src/blocks/deploy-buttons.js';
import { TEST_TEAM } from '../../helpers/test-app.js';

export interface SlackShape {
  label: string;
  contentType: string | undefined;
  body: string;
  /** Set for a slash-command form: where its one answer must arrive. */
  answer?: { path: string };
}

export type ShapeFactory = (n: number, sinkUrl: string) => SlackShape;

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

export const hostileText = fc.oneof(
  fc.constantFrom(
    'list',
    'help',
    'connect',
    'disconnect',
    'test web',
    'subscribe web failed',
    'unsubscribe web',
  ),
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.constantFrom('\u0007ring', '\u202Eevil\u202C', 'x\u0000y', '\u2066a\u2069', '\r\n', '%00', '\u001b[31m'),
  fc.integer({ min: 2_000, max: 20_000 }).map((n) => '\u202E\u0007x'.repeat(Math.ceil(n / 3))),
);
const anyJson = fc.jsonValue({ maxDepth: 3 });
const fieldName = fc.constantFrom(
  'team_id',
  'channel_id',
  'user_id',
  'command',
  'text',
  'trigger_id',
  'response_url',
);

type Fields = Array<[string, string]>;
type FieldMutation = (fields: Fields) => Fields;

const fieldMutation: fc.Arbitrary<[string, FieldMutation]> = fc.oneof(
  fieldName.map((k): [string, FieldMutation] => [`drop ${k}`, (f) => f.filter(([n]) => n !== k)]),
  fc
    .tuple(fieldName, hostileText)
    .map(([k, v]): [string, FieldMutation] => [`repeat ${k}`, (f) => [...f, [k, v]]]),
  fc
    .tuple(fc.constantFrom('team_id', 'channel_id', 'user_id', 'command', 'trigger_id'), hostileText)
    .map(([k, v]): [string, FieldMutation] => [`set ${k}`, (f) => f.map(([n, x]) => [n, n === k ? v : x])]),
  fc
    .constantFrom('', 'not a url', 'javascript:alert(1)', 'ftp://x/y')
    .map((v): [string, FieldMutation] => [
      `response_url ${JSON.stringify(v)}`,
      (f) => f.map(([n, x]) => [n, n === 'response_url' ? v : x]),
    ]),
  fc
    .constantFrom('/other', '/SOTA', 'sota')
    .map((c): [string, FieldMutation] => [
      `command ${c}`,
      (f) => f.map(([n, x]) => [n, n === 'command' ? c : x]),
    ]),
  fc.constant<[string, FieldMutation]>(['add payload field', (f) => [...f, ['payload', 'null']]]),
);

const command: fc.Arbitrary<ShapeFactory> = fc
  .tuple(hostileText, fc.array(fieldMutation, { maxLength: 2 }))
  .map(([text, mutations]) => (n, sinkUrl) => {
    const answer = { path: `/answer/${n}` };
    const base: Fields = [
      ['token', 'deprecated'],
      ['team_id', TEST_TEAM],
      ['channel_id', 'C0HOSTILE'],
      ['user_id', 'U0HOSTILE'],
      ['command', '/sota'],
      ['text', text],
      ['response_url', `${sinkUrl}${answer.path}`],
      ['trigger_id', `trigger-${n}`],
    ];
    const fields = mutations.reduce((acc, [, m]) => m(acc), base);
    const label = ['command', ...mutations.map(([l]) => l)].join(' + ');
    return { label, contentType: FORM, body: new URLSearchParams(fields).toString(), answer };
  });

const person = { team: { id: TEST_TEAM }, user: { id: 'U0HOSTILE', team_id: TEST_TEAM } };
const interactionObject = fc.oneof(
  anyJson,
  fc.record({ type: fc.constantFrom('block_actions', 'view_submission', 'view_closed', 'shortcut', 'x') }),
  fc
    .tuple(
      fc.constantFrom('team', 'user', 'actions', 'channel', 'enterprise', 'none'),
      anyJson,
      fc.constantFrom(OPEN_DEPLOYMENT_ACTION_ID, VIEW_LOGS_ACTION_ID),
      fc.oneof(
        hostileText,
        anyJson.map((v) => JSON.stringify(v)),
      ),
    )
    .map(([k, v, actionId, value]) => ({
      type: 'block_actions',
      ...person,
      trigger_id: 'trigger-action',
      actions: [{ action_id: actionId, type: 'button', value }],
      ...(k === 'none' ? {} : { [k]: v }),
    })),
  fc
    .tuple(hostileText, fc.constantFrom('view', 'state', 'private_metadata', 'none'), anyJson)
    .map(([key, k, v]) => {
      const view = {
        id: 'V1',
        team_id: TEST_TEAM,
        callback_id: 'sota_connect',
        private_metadata: '',
        state: { values: { sota_api_key: { api_key: { type: 'plain_text_input', value: key } } } },
      };
      return {
        type: 'view_submission',
        ...person,
        view: k === 'view' ? v : k === 'none' ? view : { ...view, [k]: v },
      };
    }),
);

const interaction: fc.Arbitrary<ShapeFactory> = fc
  .tuple(interactionObject, fc.constantFrom('json', 'repeated', 'not json'))
  .map(([payload, how]) => () => {
    const json = JSON.stringify(payload) ?? 'undefined';
    const body =
      how === 'json'
        ? `payload=${encodeURIComponent(json)}`
        : how === 'repeated'
          ? `payload=${encodeURIComponent(json)}&payload=null`
          : `payload=${encodeURIComponent(json.slice(1))}`;
    return { label: `interaction ${how} ${json.slice(0, 60)}`, contentType: FORM, body };
  });

const eventObject = fc.oneof(
  anyJson,
  fc
    .tuple(
      fc.constantFrom('app_home_opened', 'app_uninstalled', 'tokens_revoked', 'message', 'x'),
      fc.constantFrom('event', 'team_id', 'authorizations', 'item', 'user', 'subteam', 'channel', 'tab'),
      anyJson,
    )
    .map(([type, k, v]) => {
      const event: Record<string, unknown> = { type, user: 'U0HOSTILE', tab: 'home', channel: 'D1' };
      const body: Record<string, unknown> = {
        type: 'event_callback',
        team_id: 'T0OTHER',
        api_app_id: 'A0APP',
        event_id: 'Ev1',
        event,
      };
      if (k === 'event' || k === 'team_id' || k === 'authorizations') body[k] = v;
      else event[k] = v;
      return body;
    }),
  fc.tuple(anyJson).map(([challenge]) => ({ type: 'url_verification', challenge })),
);

const event: fc.Arbitrary<ShapeFactory> = eventObject.map((body) => () => {
  const json = JSON.stringify(body) ?? 'undefined';
  return { label: `event ${json.slice(0, 60)}`, contentType: JSON_TYPE, body: json };
});

const raw: fc.Arbitrary<ShapeFactory> = fc
  .tuple(
    fc.constantFrom(FORM, JSON_TYPE, 'text/plain', `${FORM}; charset=utf-8`, undefined),
    fc.oneof(hostileText, fc.constantFrom('null', '[]', '42', '"x"', '{}', 'foo=bar', 'ssl_check=1')),
  )
  .map(([contentType, body]) => () => ({
    label: `raw ${contentType} ${JSON.stringify(body.slice(0, 40))}`,
    contentType,
    body,
  }));

export const slackShapeArbitrary: fc.Arbitrary<ShapeFactory> = fc.oneof(
  { arbitrary: command, weight: 3 },
  { arbitrary: interaction, weight: 2 },
  { arbitrary: event, weight: 2 },
  { arbitrary: raw, weight: 1 },
);
