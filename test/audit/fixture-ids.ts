/** Ids, ARNs and seeded secrets of the fake account, shared by its fixture files and the tests. */
export const REGION = 'eu-west-1';
export const ACCOUNT = '123456789012';
export const WEB_ACL_ARN = `arn:aws:wafv2:${REGION}:${ACCOUNT}:regional/webacl/orders-acl/0f1e2d3c-aaaa-bbbb-cccc-111122223333`;
export const ORDERS_LOG_GROUP = '/aws/apigateway/orders-prod';
/** Seeded secrets: no reporter output may contain them. */
export const SEEDED_STAGE_SECRET = 'sk_live_SEEDED_9f8e7d6c5b4a';
export const SEEDED_V2_SECRET = 'SEEDED-v2-password-77aa';
