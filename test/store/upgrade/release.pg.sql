--
-- PostgreSQL database dump
--

\restrict sy4k93ZPV5T4vkreqGhkgMhDcPkwBL4QsHqQzNaFgEzz4PVSoaEOKWvY4gaGKoz

-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: __SCHEMA__; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA __SCHEMA__;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: api_keys; Type: TABLE; Schema: __SCHEMA__; Owner: -
--

CREATE TABLE __SCHEMA__.api_keys (
    team_id text NOT NULL,
    api_key_sealed text NOT NULL,
    label text,
    created_by text,
    created_at bigint NOT NULL
);


--
-- Name: events; Type: TABLE; Schema: __SCHEMA__; Owner: -
--

CREATE TABLE __SCHEMA__.events (
    id bigint NOT NULL,
    hook_id text NOT NULL,
    project_id text NOT NULL,
    deployment_id text NOT NULL,
    event text NOT NULL,
    occurred_at text NOT NULL,
    received_at bigint NOT NULL,
    payload text NOT NULL,
    disposition text NOT NULL,
    CONSTRAINT events_disposition_check CHECK ((disposition = ANY (ARRAY['deliver'::text, 'stale'::text, 'unknown'::text])))
);


--
-- Name: events_id_seq; Type: SEQUENCE; Schema: __SCHEMA__; Owner: -
--

CREATE SEQUENCE __SCHEMA__.events_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: events_id_seq; Type: SEQUENCE OWNED BY; Schema: __SCHEMA__; Owner: -
--

ALTER SEQUENCE __SCHEMA__.events_id_seq OWNED BY __SCHEMA__.events.id;


--
-- Name: hooks; Type: TABLE; Schema: __SCHEMA__; Owner: -
--

CREATE TABLE __SCHEMA__.hooks (
    id text NOT NULL,
    team_id text NOT NULL,
    project_id text NOT NULL,
    project_name text,
    project_slug text,
    sota_webhook_id text,
    secret_sealed text NOT NULL,
    status text DEFAULT 'active'::text NOT NULL,
    remote_deleted boolean DEFAULT false NOT NULL,
    created_at bigint NOT NULL,
    retired_at bigint,
    CONSTRAINT hooks_status_check CHECK ((status = ANY (ARRAY['active'::text, 'retired'::text])))
);


--
-- Name: installations; Type: TABLE; Schema: __SCHEMA__; Owner: -
--

CREATE TABLE __SCHEMA__.installations (
    team_id text NOT NULL,
    enterprise_id text,
    installation_sealed text NOT NULL,
    bot_token_sealed text NOT NULL,
    bot_user_id text,
    installed_at bigint NOT NULL
);


--
-- Name: jobs; Type: TABLE; Schema: __SCHEMA__; Owner: -
--

CREATE TABLE __SCHEMA__.jobs (
    team_id text NOT NULL,
    channel_id text NOT NULL,
    deployment_id text NOT NULL,
    hook_id text NOT NULL,
    project_id text NOT NULL,
    state text NOT NULL,
    version integer NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    next_attempt_at bigint NOT NULL,
    lease_owner text,
    lease_until bigint,
    enqueued_at bigint NOT NULL,
    last_error text,
    updated_at bigint NOT NULL,
    CONSTRAINT jobs_state_check CHECK ((state = ANY (ARRAY['pending'::text, 'done'::text, 'dropped'::text])))
);


--
-- Name: messages; Type: TABLE; Schema: __SCHEMA__; Owner: -
--

CREATE TABLE __SCHEMA__.messages (
    team_id text NOT NULL,
    channel_id text NOT NULL,
    deployment_id text NOT NULL,
    ts text,
    shown_status text,
    shown_hash text,
    replied_status text,
    updated_at bigint NOT NULL
);


--
-- Name: oauth_states; Type: TABLE; Schema: __SCHEMA__; Owner: -
--

CREATE TABLE __SCHEMA__.oauth_states (
    state text NOT NULL,
    payload text NOT NULL,
    expires_at bigint NOT NULL
);


--
-- Name: schema_migrations; Type: TABLE; Schema: __SCHEMA__; Owner: -
--

CREATE TABLE __SCHEMA__.schema_migrations (
    id integer NOT NULL,
    name text NOT NULL,
    applied_at bigint NOT NULL
);


--
-- Name: subscriptions; Type: TABLE; Schema: __SCHEMA__; Owner: -
--

CREATE TABLE __SCHEMA__.subscriptions (
    team_id text NOT NULL,
    channel_id text NOT NULL,
    project_id text NOT NULL,
    hook_id text NOT NULL,
    events text[] NOT NULL,
    state text DEFAULT 'active'::text NOT NULL,
    paused_reason text,
    created_by text,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL,
    CONSTRAINT subscriptions_state_check CHECK ((state = ANY (ARRAY['active'::text, 'paused'::text])))
);


--
-- Name: workspace_holds; Type: TABLE; Schema: __SCHEMA__; Owner: -
--

CREATE TABLE __SCHEMA__.workspace_holds (
    team_id text NOT NULL,
    until bigint NOT NULL
);


--
-- Name: events id; Type: DEFAULT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.events ALTER COLUMN id SET DEFAULT nextval('__SCHEMA__.events_id_seq'::regclass);


--
-- Data for Name: api_keys; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--

COPY __SCHEMA__.api_keys (team_id, api_key_sealed, label, created_by, created_at) FROM stdin;
T0001	v1.4aacf21e.QiOaT70n53buJRdh.pYVRwBG_q75w72pgfrmonA.r8I7VToHTAppgra5JS7zVQF4SyA	2 projects (web-app, …)	U0001	1750000000002
\.


--
-- Data for Name: events; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--

COPY __SCHEMA__.events (id, hook_id, project_id, deployment_id, event, occurred_at, received_at, payload, disposition) FROM stdin;
1	hk_release_one	3f8e2c4a-1b2c-4d5e-8f90-a1b2c3d4e5f6	0a1b2c3d-0000-4000-8000-000000000001	deploy.started	2025-06-15T15:06:41.000Z	1750000001005	{"event":"deploy.started","deployment":{"id":"0a1b2c3d-0000-4000-8000-000000000001","project_id":"3f8e2c4a-1b2c-4d5e-8f90-a1b2c3d4e5f6"}}	deliver
2	hk_release_one	3f8e2c4a-1b2c-4d5e-8f90-a1b2c3d4e5f6	0a1b2c3d-0000-4000-8000-000000000001	deploy.failed	2025-06-15T15:06:42.000Z	1750000002005	{"event":"deploy.failed","deployment":{"id":"0a1b2c3d-0000-4000-8000-000000000001","project_id":"3f8e2c4a-1b2c-4d5e-8f90-a1b2c3d4e5f6"}}	deliver
3	hk_release_one	3f8e2c4a-1b2c-4d5e-8f90-a1b2c3d4e5f6	0a1b2c3d-0000-4000-8000-000000000002	deploy.started	2025-06-15T15:06:43.000Z	1750000003005	{"event":"deploy.started","deployment":{"id":"0a1b2c3d-0000-4000-8000-000000000002","project_id":"3f8e2c4a-1b2c-4d5e-8f90-a1b2c3d4e5f6"}}	deliver
4	hk_release_one	3f8e2c4a-1b2c-4d5e-8f90-a1b2c3d4e5f6	0a1b2c3d-0000-4000-8000-000000000002	deploy.exploded	2025-06-15T15:06:44.000Z	1750000004005	{"event":"deploy.exploded","deployment":{"id":"0a1b2c3d-0000-4000-8000-000000000002","project_id":"3f8e2c4a-1b2c-4d5e-8f90-a1b2c3d4e5f6"}}	unknown
5	hk_release_three	5d6e7f80-9a1b-4c2d-9e3f-4a5b6c7d8e9f	0a1b2c3d-0000-4000-8000-000000000003	deploy.started	2025-06-15T15:06:45.000Z	1750000005005	{"event":"deploy.started","deployment":{"id":"0a1b2c3d-0000-4000-8000-000000000003","project_id":"5d6e7f80-9a1b-4c2d-9e3f-4a5b6c7d8e9f"}}	stale
\.


--
-- Data for Name: hooks; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--

COPY __SCHEMA__.hooks (id, team_id, project_id, project_name, project_slug, sota_webhook_id, secret_sealed, status, remote_deleted, created_at, retired_at) FROM stdin;
hk_release_one	T0001	3f8e2c4a-1b2c-4d5e-8f90-a1b2c3d4e5f6	Web App	web-app	wh_0001	v1.4aacf21e.Ca6ga3t16gML73_H.eogi0N5x9CAephug9ftMmA.oetdIwEl_tTC7GLWNjlJocqQb-UTiRYp	active	f	1796300364264	\N
hk_release_three	T0002	5d6e7f80-9a1b-4c2d-9e3f-4a5b6c7d8e9f	Api	api	wh_0003	v1.4aacf21e.bQkcAuV5j0PG-w8p.miLJBZODKy3AHK0E6dXw5A._1_mYdDw4TkoX_ZebqoB6rVAokmzf4iWBqE	active	f	1796300364275	\N
hk_release_two	T0001	9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d	\N	\N	wh_0002	v1.4aacf21e.1zjNhS5L77wsrZTc.rkw57jiVal8eHMBxacXspA.d59kMFAzsOgqS7u3GA5Tbheuc3KPDAwu	retired	t	1796300364269	1796300364277
\.


--
-- Data for Name: installations; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--

COPY __SCHEMA__.installations (team_id, enterprise_id, installation_sealed, bot_token_sealed, bot_user_id, installed_at) FROM stdin;
T0001	\N	v1.4aacf21e.giOW9ZnmPorrtZAp.fM1wi9D-0e_nr1ZaN59MQQ.qHiAujNYkxliZjuryT4vKdDRMduZBs_hySlVLjkJhAFWNr0JFkd5sYhgrDr-96-Ybus5hBjtsj2AbQ	v1.4aacf21e.ME7xwnrDuFMUsiYX.zLWYBZcY6jIH5LddUucZfg.gP5gea1z_AZQLIz3vn6vhg	B0001	1750000000000
T0002	E0001	v1.4aacf21e.2Kn8kxpyV6WTZd-b.Xgu4qOpntUKQjdOjygr33w.eI91Sqzg60u1CVnStHgzB3h68qFieGI	v1.4aacf21e.YTyGLT5RSQcNsmJw.z2wuqcwI34yrHI6y5m9A6A.tATP4ClyMeMq9zKOc6gTew	\N	1750000000001
\.


--
-- Data for Name: jobs; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--

COPY __SCHEMA__.jobs (team_id, channel_id, deployment_id, hook_id, project_id, state, version, attempts, next_attempt_at, lease_owner, lease_until, enqueued_at, last_error, updated_at) FROM stdin;
T0001	C0001	0a1b2c3d-0000-4000-8000-000000000001	hk_release_one	3f8e2c4a-1b2c-4d5e-8f90-a1b2c3d4e5f6	done	2	0	1750000001005	\N	\N	1750000001005	\N	1796300364301
T0001	C0002	0a1b2c3d-0000-4000-8000-000000000001	hk_release_one	3f8e2c4a-1b2c-4d5e-8f90-a1b2c3d4e5f6	pending	1	1	1750000070000	\N	\N	1750000002005	ratelimited	1796300364302
T0001	C0001	0a1b2c3d-0000-4000-8000-000000000002	hk_release_one	3f8e2c4a-1b2c-4d5e-8f90-a1b2c3d4e5f6	pending	1	0	1750000003005	worker-b	1750000040001	1750000003005	\N	1750000010001
\.


--
-- Data for Name: messages; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--

COPY __SCHEMA__.messages (team_id, channel_id, deployment_id, ts, shown_status, shown_hash, replied_status, updated_at) FROM stdin;
T0001	C0001	0a1b2c3d-0000-4000-8000-000000000001	1750000001.000100	failed	abc123	failed	1796300364305
T0001	C0002	0a1b2c3d-0000-4000-8000-000000000001	\N	\N	\N	\N	1796300364306
\.


--
-- Data for Name: oauth_states; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--

COPY __SCHEMA__.oauth_states (state, payload, expires_at) FROM stdin;
state-release-1	{"installOptions":{}}	4102444800000
\.


--
-- Data for Name: schema_migrations; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--

COPY __SCHEMA__.schema_migrations (id, name, applied_at) FROM stdin;
1	init	1796300364245
\.


--
-- Data for Name: subscriptions; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--

COPY __SCHEMA__.subscriptions (team_id, channel_id, project_id, hook_id, events, state, paused_reason, created_by, created_at, updated_at) FROM stdin;
T0001	C0001	3f8e2c4a-1b2c-4d5e-8f90-a1b2c3d4e5f6	hk_release_one	{deploy.started,deploy.succeeded,deploy.failed}	active	\N	U0001	1796300364279	1796300364279
T0001	C0002	3f8e2c4a-1b2c-4d5e-8f90-a1b2c3d4e5f6	hk_release_one	{deploy.failed}	active	\N	\N	1796300364281	1796300364281
T0002	C0003	5d6e7f80-9a1b-4c2d-9e3f-4a5b6c7d8e9f	hk_release_three	{deploy.succeeded,deploy.failed}	paused	not_in_channel	U0002	1796300364283	1796300364284
\.


--
-- Data for Name: workspace_holds; Type: TABLE DATA; Schema: __SCHEMA__; Owner: -
--

COPY __SCHEMA__.workspace_holds (team_id, until) FROM stdin;
T0001	1750000099000
\.


--
-- Name: events_id_seq; Type: SEQUENCE SET; Schema: __SCHEMA__; Owner: -
--

SELECT pg_catalog.setval('__SCHEMA__.events_id_seq', 5, true);


--
-- Name: api_keys api_keys_pkey; Type: CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.api_keys
    ADD CONSTRAINT api_keys_pkey PRIMARY KEY (team_id);


--
-- Name: events events_hook_id_deployment_id_event_key; Type: CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.events
    ADD CONSTRAINT events_hook_id_deployment_id_event_key UNIQUE (hook_id, deployment_id, event);


--
-- Name: events events_pkey; Type: CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.events
    ADD CONSTRAINT events_pkey PRIMARY KEY (id);


--
-- Name: hooks hooks_pkey; Type: CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.hooks
    ADD CONSTRAINT hooks_pkey PRIMARY KEY (id);


--
-- Name: installations installations_pkey; Type: CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.installations
    ADD CONSTRAINT installations_pkey PRIMARY KEY (team_id);


--
-- Name: jobs jobs_pkey; Type: CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.jobs
    ADD CONSTRAINT jobs_pkey PRIMARY KEY (team_id, channel_id, deployment_id);


--
-- Name: messages messages_pkey; Type: CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.messages
    ADD CONSTRAINT messages_pkey PRIMARY KEY (team_id, channel_id, deployment_id);


--
-- Name: oauth_states oauth_states_pkey; Type: CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.oauth_states
    ADD CONSTRAINT oauth_states_pkey PRIMARY KEY (state);


--
-- Name: schema_migrations schema_migrations_pkey; Type: CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.schema_migrations
    ADD CONSTRAINT schema_migrations_pkey PRIMARY KEY (id);


--
-- Name: subscriptions subscriptions_pkey; Type: CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.subscriptions
    ADD CONSTRAINT subscriptions_pkey PRIMARY KEY (team_id, channel_id, project_id);


--
-- Name: workspace_holds workspace_holds_pkey; Type: CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.workspace_holds
    ADD CONSTRAINT workspace_holds_pkey PRIMARY KEY (team_id);


--
-- Name: hooks_one_active; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE UNIQUE INDEX hooks_one_active ON __SCHEMA__.hooks USING btree (team_id, project_id) WHERE (status = 'active'::text);


--
-- Name: hooks_team; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX hooks_team ON __SCHEMA__.hooks USING btree (team_id);


--
-- Name: jobs_channel_lease; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX jobs_channel_lease ON __SCHEMA__.jobs USING btree (team_id, channel_id, lease_until) WHERE (lease_until IS NOT NULL);


--
-- Name: jobs_pending_due; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX jobs_pending_due ON __SCHEMA__.jobs USING btree (next_attempt_at) WHERE (state = 'pending'::text);


--
-- Name: subscriptions_hook; Type: INDEX; Schema: __SCHEMA__; Owner: -
--

CREATE INDEX subscriptions_hook ON __SCHEMA__.subscriptions USING btree (hook_id);


--
-- Name: events events_hook_id_fkey; Type: FK CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.events
    ADD CONSTRAINT events_hook_id_fkey FOREIGN KEY (hook_id) REFERENCES __SCHEMA__.hooks(id);


--
-- Name: jobs jobs_hook_id_fkey; Type: FK CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.jobs
    ADD CONSTRAINT jobs_hook_id_fkey FOREIGN KEY (hook_id) REFERENCES __SCHEMA__.hooks(id);


--
-- Name: subscriptions subscriptions_hook_id_fkey; Type: FK CONSTRAINT; Schema: __SCHEMA__; Owner: -
--

ALTER TABLE ONLY __SCHEMA__.subscriptions
    ADD CONSTRAINT subscriptions_hook_id_fkey FOREIGN KEY (hook_id) REFERENCES __SCHEMA__.hooks(id);


--
-- PostgreSQL database dump complete
--

\unrestrict sy4k93ZPV5T4vkreqGhkgMhDcPkwBL4QsHqQzNaFgEzz4PVSoaEOKWvY4gaGKoz

