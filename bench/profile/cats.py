import sys, re, collections
# CPU per message by subsystem from a perf profile (inclusive: the first category a sample's stack matches).
# usage: perf script -i X.data | python3 cats.py MESSAGES_IN_WINDOW HZ
msgs=float(sys.argv[1]); hz=float(sys.argv[2])
cats=[
 ('orleans.serialization', r'Orleans\.Serialization|Orleans\.CodeGeneration|OrleansCodeGen'),
 ('orleans.messaging', r'Orleans\.Runtime\.Messaging|Orleans\.Networking|Orleans\.Messaging|MessageCenter|Connection\b|Orleans\.Connections'),
 ('orleans.other', r'\[Orleans'),
 ('kestrel', r'Kestrel'),
 ('mvc', r'Microsoft\.AspNetCore\.Mvc|Razor'),
 ('aspnet.other', r'Microsoft\.AspNetCore'),
 ('remandzana', r'Remandzana'),
 ('redis', r'StackExchange'),
 ('gc', r'WKS::|SVR::|gc_heap|GCHeap|GarbageCollect'),
 ('crypto', r'libcrypto|libssl|Cryptography'),
 ('threadpool', r'ThreadPool|PortableThreadPool|WorkerThread|LowLevelLifoSemaphore'),
 ('sockets', r'System\.Net\.Sockets|SocketAsyncEngine'),
]
leaf=collections.Counter(); incl=collections.Counter(); total=0
top=collections.Counter()
def classify(frames):
    for name,rx in cats:
        for f in frames:
            if re.search(rx,f): return name
    return None
sample=[]
def flush():
    global total
    if not sample: return
    total+=1
    fr=[l.split(None,1)[1] if len(l.split(None,1))>1 else l for l in sample]
    # leaf category: first frame (leaf) classification, kernel frames get kernel
    l0=fr[0]
    if '[kernel' in l0 or re.search(r'\(\[kernel',sample[0]):
        k='kernel:'+ ('tcp/net' if any(re.search(r'tcp_|inet|sock_|ip_|net_|skb|loopback|__sys_send|__sys_recv',x) for x in fr[:25]) else 'sched/other')
        leaf[k]+=1
    else:
        c=None
        for name,rx in cats:
            if re.search(rx,l0): c=name; break
        leaf[c or ('native:'+l0.split('(')[-1][:30] if '(' in l0 else 'other')]+=1
    seen=set()
    for name,rx in cats:
        if any(re.search(rx,f) for f in fr): seen.add(name)
    for s in seen: incl[s]+=1
    # outermost known frame (root side)
    for f in reversed(fr):
        m=re.search(r'\[(Orleans[\w.]*|Microsoft\.AspNetCore[\w.]*|Remandzana[\w.]*|System[\w.]*)\]\s+([\w.`+<>]+)',f)
        if m: top[m.group(1)+' '+m.group(2)[:80]]+=1; break
for line in sys.stdin:
    line=line.rstrip('\n')
    if not line.strip():
        flush(); sample=[]; continue
    if line.startswith('\t') or line.startswith(' '):
        sample.append(line.strip())
flush()
us=1e6/hz/msgs
print(f'samples {total}, {total*us:.0f} us/msg')
print('-- leaf (exclusive), us/msg'); 
for k,v in leaf.most_common(25): print(f'{v*us:7.1f}  {k}')
print('-- inclusive (stack contains), us/msg')
for k,v in incl.most_common(): print(f'{v*us:7.1f}  {k}')
print('-- outermost managed frame, us/msg')
for k,v in top.most_common(25): print(f'{v*us:7.1f}  {k}')
