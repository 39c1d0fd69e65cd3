package io.paymentflow.standin;

/** Request bodies as the inference worker sends them (CONTRACTS section 6). */
final class Requests {

  static final String FRAUD =
      """
      {"event_id":"stripe:evt_1abc","amount_cents":4999,"currency":"USD",
       "customer_id":"cus_123","merchant_id":"merch_9","payment_method_type":"card",
       "card_brand":"visa"}""";

  static final String RETRY =
      """
      {"event_id":"stripe:evt_2def","failure_code":"insufficient_funds",
       "failure_message":"Your card has insufficient funds.","amount_cents":2500,
       "attempt_count":1}""";

  static final String CHURN =
      """
      {"customer_id":"cus_123","merchant_id":"merch_9"}""";

  private Requests() {}
}
