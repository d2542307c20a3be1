// bpffs: pin and get rules (spec 10) and map lifetime through a pin.
#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

static void show(const char *what, int ret) {
    printf("%-30s ret=%d %s\n", what, ret, ret < 0 ? strerror(errno) : "ok");
}

int main(void) {
    int fd = bpf_map_create(BPF_MAP_TYPE_ARRAY, "pinned", 4, 4, 4, NULL);
    __u32 k = 2;
    int v = 42;
    bpf_map_update_elem(fd, &k, &v, BPF_ANY);
    show("pin fresh", bpf_obj_pin(fd, "/sys/fs/bpf/bpfplay_golden_a"));
    show("pin same path", bpf_obj_pin(fd, "/sys/fs/bpf/bpfplay_golden_a"));
    show("pin second name", bpf_obj_pin(fd, "/sys/fs/bpf/bpfplay_golden_b"));
    show("pin name with dot", bpf_obj_pin(fd, "/sys/fs/bpf/bpfplay_golden.c"));
    show("pin missing dir", bpf_obj_pin(fd, "/sys/fs/bpf/bpfplay_golden_nodir/x"));
    show("pin outside bpffs", bpf_obj_pin(fd, "/tmp/bpfplay_golden_x"));
    show("pin bpffs root", bpf_obj_pin(fd, "/sys/fs/bpf"));
    show("pin empty path", bpf_obj_pin(fd, ""));
    show("pin fd 0", bpf_obj_pin(0, "/sys/fs/bpf/bpfplay_golden_c"));
    show("pin fd 99", bpf_obj_pin(99, "/sys/fs/bpf/bpfplay_golden_c"));
    close(fd);
    int again = bpf_obj_get("/sys/fs/bpf/bpfplay_golden_a");
    show("get after close", again);
    v = 0;
    bpf_map_lookup_elem(again, &k, &v);
    printf("value survived: %d\n", v);
    show("get missing", bpf_obj_get("/sys/fs/bpf/bpfplay_golden_missing"));
    show("get directory", bpf_obj_get("/sys/fs/bpf"));
    LIBBPF_OPTS(bpf_obj_get_opts, ro, .file_flags = BPF_F_RDONLY);
    int rofd = bpf_obj_get_opts("/sys/fs/bpf/bpfplay_golden_b", &ro);
    show("get read-only", rofd);
    show("update via read-only fd", bpf_map_update_elem(rofd, &k, &v, BPF_ANY));
    show("lookup via read-only fd", bpf_map_lookup_elem(rofd, &k, &v));
    show("freeze via read-only fd", bpf_map_freeze(rofd));
    LIBBPF_OPTS(bpf_obj_get_opts, both, .file_flags = BPF_F_RDONLY | BPF_F_WRONLY);
    show("get RDONLY|WRONLY", bpf_obj_get_opts("/sys/fs/bpf/bpfplay_golden_b", &both));
    unlink("/sys/fs/bpf/bpfplay_golden_a");
    unlink("/sys/fs/bpf/bpfplay_golden_b");
    show("get after unlink", bpf_obj_get("/sys/fs/bpf/bpfplay_golden_a"));
    return 0;
}

// expect: pin fresh                      ret=0 ok
// expect: pin same path                  ret=-17 File exists
// expect: pin second name                ret=0 ok
// expect: pin name with dot              ret=-1 Operation not permitted
// expect: pin missing dir                ret=-2 No such file or directory
// expect: pin outside bpffs              ret=-1 Operation not permitted
// expect: pin bpffs root                 ret=-17 File exists
// expect: pin empty path                 ret=-2 No such file or directory
// expect: pin fd 0                       ret=-22 Invalid argument
// expect: pin fd 99                      ret=-22 Invalid argument
// expect: get after close                ret=3 ok
// expect: value survived: 42
// expect: get missing                    ret=-2 No such file or directory
// expect: get directory                  ret=-13 Permission denied
// expect: get read-only                  ret=4 ok
// expect: update via read-only fd        ret=-1 Operation not permitted
// expect: lookup via read-only fd        ret=0 ok
// expect: freeze via read-only fd        ret=-1 Operation not permitted
// expect: get RDONLY|WRONLY              ret=-22 Invalid argument
// expect: get after unlink               ret=-2 No such file or directory
