#!/usr/bin/env node
/**
 * The reference app that `npx cdk synth` runs (cdk.json): an orders REST API, an HTTP API and a WebSocket
 * API built with the secure constructs, checked at synth time by the ApiGuardrails validation plugin
 * against the shipped standard. Any unacknowledged error fails `cdk synth`; the plugin prints the
 * compliance summary on stderr.
 *
 * `npx cdk synth -c demo=plain` synthesizes a plain aws-cdk-lib RestApi instead, with the plugin in report
 * mode (failOn 'never'), to show what the same standard says about an API built without the constructs.
 */
import { App, Validations } from 'aws-cdk-lib';
import { ApiGuardrails } from '../lib/adapters/cdk-plugin';
import { createPlainDemo } from './plain-demo';
import { createReferenceApp } from './reference-app';

const app = new App();
const plain = app.node.tryGetContext('demo') === 'plain';
Validations.of(app).addPlugins(new ApiGuardrails({ failOn: plain ? 'never' : 'error' }));
if (plain) createPlainDemo(app);
else createReferenceApp(app);
app.synth();
