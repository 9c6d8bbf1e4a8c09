// Input and output schemas of the Open311 routes (validation at the edge and the OpenAPI document).
import { Type } from 'typebox';
import { Text } from './open311.input.ts';
import { MAX_PAGE_SIZE } from './open311.requests.ts';

export const Common = {
  jurisdiction_id: Type.Optional(Text(100, 'The municipality’s slug; optional when the installation has one municipality')),
  locale: Type.Optional(Text(10, 'sv (default), fi or en')),
  api_key: Type.Optional(Text(200, 'A personal API token (insyn_…); or send it as Authorization: Bearer')),
};

export const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, description: 'Page number, from 1' })),
  page_size: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, description: `At most ${MAX_PAGE_SIZE} (the default)` })),
};

export const Window = {
  start_date: Type.Optional(Text(40, 'W3C date-time; default 90 days before end_date; the window spans at most 90 days')),
  end_date: Type.Optional(Text(40, 'W3C date-time; default now (or 90 days after start_date)')),
};

export const ErrorsOut = Type.Array(Type.Object({ code: Type.Integer(), description: Type.String() }));

export const DiscoveryOut = Type.Object({
  changeset: Type.String(),
  contact: Type.String(),
  key_service: Type.String(),
  endpoints: Type.Array(
    Type.Object({
      specification: Type.String(),
      url: Type.String(),
      changeset: Type.String(),
      type: Type.String(),
      formats: Type.Array(Type.String()),
    }),
  ),
});

export const ServiceOut = Type.Object({
  service_code: Type.String(),
  service_name: Type.String(),
  description: Type.String(),
  metadata: Type.Boolean(),
  type: Type.String(),
  keywords: Type.String(),
  group: Type.String(),
});

export const DefinitionOut = Type.Object({
  service_code: Type.String(),
  attributes: Type.Array(
    Type.Object({
      variable: Type.Boolean(),
      code: Type.String(),
      datatype: Type.String(),
      required: Type.Boolean(),
      datatype_description: Type.String(),
      order: Type.Integer(),
      description: Type.String(),
      values: Type.Array(Type.Object({ key: Type.String(), name: Type.String() })),
    }),
  ),
});

export const RequestOut = Type.Object({
  service_request_id: Type.String(),
  status: Type.Enum(['open', 'closed'] as const),
  status_notes: Type.String(),
  service_name: Type.String(),
  service_code: Type.String(),
  description: Type.Optional(Type.String({ description: 'Only for requests filed through Open311 or published by staff' })),
  agency_responsible: Type.String(),
  service_notice: Type.String({ description: 'What happens next; empty for a closed request' }),
  requested_datetime: Type.String(),
  updated_datetime: Type.String(),
  expected_datetime: Type.String({
    description: 'The first-feedback deadline: the end of the working day by which the municipality answers first',
  }),
  address: Type.Optional(Type.String()),
  address_id: Type.Optional(Type.String()),
  lat: Type.Optional(Type.Number()),
  long: Type.Optional(Type.Number()),
  media_url: Type.Optional(Type.String()),
});

export const CreatedOut = Type.Object({
  service_request_id: Type.String(),
  service_notice: Type.String(),
  account_id: Type.Union([Type.String(), Type.Null()]),
});

const AttributeValue = Type.Union([Text(1000), Type.Array(Text(1000), { maxItems: 50 })]);

export const PostRequestBody = Type.Object(
  {
    ...Common,
    service_code: Type.Optional(Text(40, 'Required')),
    description: Type.Optional(Text(10000, 'Required by Insyn: the message')),
    'attribute[type]': Type.Optional(Text(40, 'question, praise, complaint, suggestion or error_report (default)')),
    lat: Type.Optional(Text(30, 'Decimal degrees, WGS 84, with long')),
    long: Type.Optional(Text(30, 'Decimal degrees, WGS 84, with lat')),
    address_string: Type.Optional(Text(500)),
    address_id: Type.Optional(Text(200)),
    email: Type.Optional(Text(254)),
    device_id: Type.Optional(Text(200)),
    account_id: Type.Optional(Text(200)),
    first_name: Type.Optional(Text(100)),
    last_name: Type.Optional(Text(100)),
    phone: Type.Optional(Text(50)),
    media_url: Type.Optional(Type.Union([Text(2000, 'An http(s) URL'), Type.Array(Text(2000), { maxItems: 10 })])),
  },
  { maxProperties: 200, patternProperties: { '^attribute\\[(?!type\\])': AttributeValue } },
);

export const UpdateOut = Type.Object({
  update_id: Type.String(),
  service_request_id: Type.String(),
  status: Type.String({ description: 'OPEN, IN_PROGRESS, NOT_COUNCILS_RESPONSIBILITY (referred elsewhere) or CLOSED' }),
  external_status_code: Type.String(),
  updated_datetime: Type.String(),
  description: Type.String(),
  media_url: Type.String(),
});

export const PostUpdateBody = Type.Object(
  {
    ...Common,
    service_request_id: Type.Optional(Text(40, 'Required')),
    description: Type.Optional(Text(9000, 'The resident’s update')),
    status: Type.Optional(Text(40, 'OPEN, CLOSED, FIXED, …')),
    update_id: Type.Optional(Text(100, 'The client’s id of the update; a retry with the same id is recorded once')),
    update_id_ext: Type.Optional(Text(100)),
    updated_datetime: Type.Optional(Text(40)),
    media_url: Type.Optional(Text(2000)),
    email: Type.Optional(Text(254)),
    first_name: Type.Optional(Text(100)),
    last_name: Type.Optional(Text(100)),
    phone: Type.Optional(Text(50)),
  },
  { maxProperties: 200 },
);
