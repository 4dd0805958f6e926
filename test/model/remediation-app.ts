import { App, Stack, aws_apigateway as apigw } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ApplyApiStandard } from '../../aspects';
import { fromTemplate } from '../../lib/model/template';
import type { Inventory } from '../../lib/model/types';

const ACL = 'arn:aws:wafv2:eu-west-1:111111111111:regional/webacl/org/abc';

/** A plain RestApi (no logs, no tracing, no WAF, no tags), optionally brought up to the standard by the aspect. */
export function plainApp(remediate: boolean): Inventory {
  const app = new App({ context: { 'aws:cdk:enable-path-metadata': true } });
  const stack = new Stack(app, 'Shop', { env: { account: '111111111111', region: 'eu-west-1' } });
  const api = new apigw.RestApi(stack, 'Orders', { cloudWatchRole: false });
  api.root.addMethod('GET', new apigw.MockIntegration(), { authorizationType: apigw.AuthorizationType.IAM });
  if (remediate)
    ApplyApiStandard.to(stack, { webAclArn: ACL, tags: { owner: 'platform', dataClassification: 'internal' } });
  return fromTemplate(Template.fromStack(stack).toJSON(), {
    stackName: 'Shop',
    templatePath: 'cdk.out/Shop.template.json',
  });
}
