// What the demo support conversations say, shared by both support customers: the topic
// shape and the phrases every queue has (thanks, asks for a human, reopens, CSAT comments).
// The topics themselves live in demo-texts-globex.ts and demo-texts-initech.ts.

export interface SupportTopic {
  key: string;
  /** The ticket's subject line. */
  title: string;
  /** The customer's first message (one is picked). */
  openers: readonly string[];
  /** The AI's answer that resolves it. */
  answer: string;
  backOffice: string;
}

export const THANKS = [
  "That worked, thank you!",
  "Perfect, thanks for the quick help.",
  "Great, all sorted. Thanks!",
  "Got it, appreciate it.",
  "Thanks, that's exactly what I needed.",
  "Awesome, thank you so much.",
] as const;

export const ASK_FOR_HUMAN = [
  "This isn't helping. Can I talk to a real person?",
  "I already tried that. Please get me a human.",
  "That's not my question. I need someone who can actually look at my account.",
  "Your answer doesn't apply to my case. Escalate please.",
] as const;

export const REOPEN = [
  "Sorry, this is happening again.",
  "It worked for a day and now it's broken again.",
  "Still not fixed, reopening.",
  "Nothing changed on my end, the problem is back.",
] as const;

export const LOW_CSAT_COMMENTS = [
  "Took three tries to get a straight answer.",
  "Solved in the end, but I had to explain everything twice.",
  "The bot kept sending me the same help article.",
  "Slow, and the answer was generic.",
] as const;

export const HIGH_CSAT_COMMENTS = ["Fast and easy.", "Quick fix, thanks!", "Better than waiting on hold.", ""] as const;

export const FIRST_NAMES = [
  "Olivia",
  "Liam",
  "Emma",
  "Noah",
  "Ava",
  "Mateo",
  "Sophia",
  "Lucas",
  "Mia",
  "Ethan",
  "Priya",
  "Wei",
  "Fatima",
  "Diego",
  "Hannah",
  "Kenji",
  "Chloe",
  "Omar",
  "Grace",
  "Jonas",
  "Aisha",
  "Tom",
  "Nina",
  "Sam",
] as const;

export const AGENTS = ["Maria Gonzalez", "Dev Patel", "Sam Okafor", "Julia Berg", "Chris Tanaka"] as const;

export const CITIES = ["Columbus", "Reno", "Memphis", "Allentown", "Sacramento", "Atlanta", "Dallas"] as const;

/** What the AI says when it needs a moment or more details: the start of a harder ticket. */
export const HOLDING_REPLIES = [
  "Thanks, {name}. Let me look into that for you; one moment while I check your account.",
  "I understand, {name}. Could you confirm the e-mail address on your account so I can check?",
  "Sorry about that, {name}. I'm checking what happened and will get back to you shortly.",
] as const;
