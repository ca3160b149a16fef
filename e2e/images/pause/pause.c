/* pause/pause.c: the pod sandbox ("pause") process of the real-node tier (from the recipe in
   ../shared/reference/real-node). e2e/images/build.sh compiles it with `gcc -Os -static -s` (~700 KB)
   and packs it as docker.io/carts-e2e/pause:1.0 (entrypoint /pause, user 65535), containerd's
   sandbox_image. Needs: gcc and a static libc (libc6-dev). */
/* minimal pod sandbox "pause": sleeps forever, reaps zombies, exits on INT/TERM */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
static void sigdown(int signo) { psignal(signo, "Shutting down, got signal"); exit(0); }
static void sigreap(int signo) { (void)signo; while (waitpid(-1, NULL, WNOHANG) > 0) {} }
int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "-v") == 0) { puts("kn-pause 1.0"); return 0; }
  if (getpid() != 1) fprintf(stderr, "Warning: pause should be the first process\n");
  struct sigaction a = {0};
  a.sa_handler = sigdown;
  if (sigaction(SIGINT, &a, NULL) < 0) return 1;
  if (sigaction(SIGTERM, &a, NULL) < 0) return 2;
  struct sigaction r = {0};
  r.sa_handler = sigreap; r.sa_flags = SA_NOCLDSTOP;
  if (sigaction(SIGCHLD, &r, NULL) < 0) return 3;
  for (;;) pause();
  return 42;
}
