"use client";
// The two-step confirmation of an irreversible action (finalize, revoke, disable): focus
// moves onto "Cancel" when the confirmation opens and back onto the first button when it
// closes, so keyboard and screen-reader users never lose their place.
import { useEffect, useRef, useState } from "react";

export function useConfirmStep() {
  const [confirming, setConfirming] = useState(false);
  const startRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (wasConfirming.current) startRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  return { confirming, setConfirming, startRef, cancelRef };
}
