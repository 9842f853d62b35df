import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ApiProvider } from "@/lib/trpc";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Outcome Ledger", template: "%s · Outcome Ledger" },
  description: "Every billed outcome with its evidence, open to contest.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <ApiProvider>{children}</ApiProvider>
      </body>
    </html>
  );
}
