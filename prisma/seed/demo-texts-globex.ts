// Globex runs an online electronics store: its tickets are about orders, deliveries and
// refunds. `backOffice` is what a human had to do behind the scenes when the AI could not;
// it reads as the agent's note in the trail and is the story behind ticket_resolved v2.
// Placeholders: {name} {order} {amount} (with its $) {date} (a few days ago) {due} (in a few days)
// {city} {last4} {invoice} {seats} {email} {tracking}.
import type { SupportTopic } from "./demo-support-texts";

export const GLOBEX_TOPICS: readonly SupportTopic[] = [
  {
    key: "order_delay",
    title: "Order {order} is late",
    openers: [
      "Hi, my order {order} was supposed to arrive on {date} and it still hasn't shown up. Can you check where it is?",
      "Where is my package? Order {order}, the estimate said {date}. I need it for a trip this weekend.",
    ],
    answer:
      "Hi {name}, I checked order {order}: it left our {city} warehouse a day late because of a carrier backlog. It is now in transit with tracking {tracking} and the carrier expects delivery tomorrow before 8 pm. I've refunded your shipping fee of $9.99 for the delay.",
    backOffice: "called the carrier and had the package re-routed to the nearest depot",
  },
  {
    key: "address_change",
    title: "Change shipping address for {order}",
    openers: [
      "I just placed order {order} and realized it's going to my old address. Can you change it to my new place in {city}?",
      "Please update the delivery address on {order}, I moved last week. New address is in {city}.",
    ],
    answer:
      "Done, {name}: order {order} hasn't been packed yet, so I updated the shipping address to the one in {city}. You'll get a new confirmation e-mail in a few minutes, and the delivery date stays {due}.",
    backOffice: "updated the address by hand in the warehouse system after the order had already been picked",
  },
  {
    key: "refund_status",
    title: "Refund for {order} not received",
    openers: [
      "I returned {order} two weeks ago and still haven't seen the {amount} refund. What's going on?",
      "Hello, the refund for my return ({order}, {amount}) isn't on my card ending {last4} yet.",
    ],
    answer:
      "Hi {name}, your return for {order} was received on {date} and the refund of {amount} was issued to the card ending {last4} the same day. Banks usually take 3–5 business days to show it; reference number RF-{invoice} if you need to ask your bank.",
    backOffice: "found the refund stuck in the payment queue and issued it manually in the payment console",
  },
  {
    key: "return_label",
    title: "Return label for {order}",
    openers: [
      "The headphones from {order} don't fit well. How do I return them?",
      "I'd like to return an item from order {order}. Can you send me a label?",
    ],
    answer:
      "Of course, {name}. I've created a prepaid return label for {order} and sent it to {email}. Drop the parcel at any carrier location within 30 days; your refund is issued as soon as the warehouse scans it.",
    backOffice: "generated the return label manually because the item was outside the automated return window",
  },
  {
    key: "damaged_item",
    title: "Item arrived damaged ({order})",
    openers: [
      "My monitor from order {order} arrived with a cracked screen. The box was crushed on one corner.",
      "The speaker I received in {order} is rattling and the casing is dented. Not happy.",
    ],
    answer:
      "I'm sorry, {name}. I've arranged a free replacement for order {order}; it ships today from {city} and you'll get tracking by e-mail. No need to return the damaged unit, please recycle it.",
    backOffice: "approved a replacement over the automatic limit and filed the damage claim with the carrier",
  },
  {
    key: "wrong_item",
    title: "Wrong item received in {order}",
    openers: [
      "I ordered the black charger but order {order} contained a white USB hub instead.",
      "Got the wrong product in my order {order}. The packing slip is right but the item isn't.",
    ],
    answer:
      "Sorry about that, {name}. The correct item ships today with express delivery, and I've e-mailed a prepaid label to {email} for the wrong one. Sorry for the mix-up at our {city} warehouse.",
    backOffice: "checked the warehouse pick log and booked the express reshipment by hand",
  },
  {
    key: "cancel_order",
    title: "Cancel order {order}",
    openers: [
      "Please cancel order {order}, I found it cheaper elsewhere.",
      "Can I still cancel {order}? I ordered the wrong model.",
    ],
    answer:
      "Hi {name}, order {order} hadn't shipped yet, so I cancelled it. The {amount} authorization on your card ending {last4} will be released within 2 business days.",
    backOffice: "stopped the shipment at the dock because the order was already labelled",
  },
  {
    key: "promo_code",
    title: "Promo code not applied",
    openers: [
      "I used the code FALL15 on order {order} but the discount didn't apply.",
      "Your newsletter promised 15% off, but checkout charged me full price for {order}.",
    ],
    answer:
      "You're right, {name}: the FALL15 code was valid for {order} but didn't apply because of a checkout glitch. I've refunded the 15% ({amount}) to your card ending {last4}.",
    backOffice: "issued the promo difference as a manual partial refund",
  },
  {
    key: "warranty",
    title: "Warranty claim",
    openers: [
      "My laptop from order {order} stopped charging after four months. Is this covered under warranty?",
      "The earbuds I bought in {order} only work on one side now. Warranty?",
    ],
    answer:
      "Yes, {name}, this is covered by the 12-month warranty. I've opened repair case W-{invoice} and e-mailed a prepaid shipping label to {email}. Repairs take about 7 business days after we receive the device.",
    backOffice: "confirmed the serial number with the manufacturer and opened the repair case by phone",
  },
  {
    key: "payment_declined",
    title: "Payment declined at checkout",
    openers: [
      "My card keeps getting declined at checkout but it works everywhere else.",
      "Checkout says payment failed, card ending {last4}. I've tried three times.",
    ],
    answer:
      "Hi {name}, the decline came from the address check: the billing ZIP on your card ending {last4} didn't match the one on file. I've updated your profile; please try again, and it should go through now.",
    backOffice: "cleared a fraud-review hold on the account in the payment console",
  },
  {
    key: "tracking_stuck",
    title: "Tracking not updating",
    openers: [
      "Tracking for {order} has said 'label created' for five days.",
      "Is my order {order} actually shipped? Tracking {tracking} hasn't moved since {date}.",
    ],
    answer:
      "Hi {name}, the carrier missed the first scan for {order}, but the parcel is moving: it was scanned at the {city} hub this morning and is due on {due}. Tracking should catch up within 24 hours.",
    backOffice: "opened a trace with the carrier, who located the parcel at the hub",
  },
  {
    key: "gift_card",
    title: "Gift card balance",
    openers: [
      "I have a gift card but the balance shows $0 even though I never used it.",
      "My gift card ending {last4} says it's already redeemed. It was a birthday present.",
    ],
    answer:
      "Thanks, {name}. The card ending {last4} had been activated twice by the store, which blocked it. I've restored the {amount} balance; it's ready to use at checkout.",
    backOffice: "restored the balance by hand after checking the activation log",
  },
  {
    key: "exchange",
    title: "Exchange for a different color",
    openers: [
      "Can I exchange the phone case from {order} for the blue one?",
      "I'd like the same keyboard from {order} but in the UK layout instead.",
    ],
    answer:
      "Sure, {name}. I've set up an exchange on {order}: the new item ships as soon as the carrier scans your return, and the label is in your inbox at {email}. There's no price difference.",
    backOffice: "reserved the last unit in stock by hand so the exchange would not fail",
  },
  {
    key: "not_delivered",
    title: "Marked delivered but not received",
    openers: [
      "Tracking says {order} was delivered yesterday but there is nothing at my door.",
      "My package {order} shows delivered but I never got it. Neighbours don't have it either.",
    ],
    answer:
      "I'm sorry, {name}. The carrier's GPS shows the drop-off 400 m from your address, so I've reshipped {order} at no cost with signature required. New tracking: {tracking}.",
    backOffice: "filed the lost-parcel claim and approved the reshipment above the automatic limit",
  },
];
