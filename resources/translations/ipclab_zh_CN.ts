<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AskText</name>
    <message>
        <source>the stated answer %1 is not what the processes show: %2</source>
        <translation>课程给出的答案 %1 与进程的实际表现不符：%2</translation>
    </message>
    <message>
        <source>the stated answer cannot be checked: %1</source>
        <translation>课程给出的答案无法检验：%1</translation>
    </message>
    <message>
        <source>the stated answer is choice %1, but the real processes make choice %2 right (%3)</source>
        <translation>课程给出的答案是选项 %1，但真实进程表明选项 %2 才对（%3）</translation>
    </message>
</context>
<context>
    <name>CellsNode</name>
    <message>
        <source>not written yet</source>
        <translation>尚未写入</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>由 %1 写入</translation>
    </message>
    <message>
        <source>ended: memory gone</source>
        <translation>已结束，内存已回收</translation>
    </message>
    <message>
        <source>not mapped yet</source>
        <translation>尚未映射</translation>
    </message>
    <message>
        <source>the kernel refused to read it (EPERM)</source>
        <translation>内核拒绝读取它的内存（EPERM）</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>inside: %1</source>
        <comment>the processes inside a flag lock&apos;s critical section</comment>
        <translation>临界区内：%1</translation>
    </message>
    <message>
        <source>nobody inside</source>
        <translation>临界区内无进程</translation>
    </message>
</context>
<context>
    <name>ChallengePanel</name>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>ready · next: %1</source>
        <translation>就绪 · 下一步：%1</translation>
    </message>
    <message>
        <source>blocked on %1</source>
        <translation>阻塞于 %1</translation>
    </message>
    <message>
        <source>blocked: only another process&apos;s step can release it</source>
        <translation>阻塞：只有别的进程执行一步才能唤醒它</translation>
    </message>
    <message>
        <source>blocked on %1: only another process&apos;s step can release it</source>
        <translation>阻塞于 %1：只有别的进程执行一步才能唤醒它</translation>
    </message>
    <message>
        <source>running its step…</source>
        <translation>正在执行这一步…</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>让 %1 执行一步</translation>
    </message>
    <message>
        <source>Give %1 one step</source>
        <translation>让 %1 执行它的下一个动作</translation>
    </message>
    <message>
        <source>Steps used: %1 of at most %2</source>
        <translation>已用步数：%1（最多 %2 步）</translation>
    </message>
    <message>
        <source>Steps used: %1</source>
        <translation>已用步数：%1</translation>
    </message>
    <message>
        <source>Best so far: won in %1 steps</source>
        <translation>最好成绩：%1 步获胜</translation>
    </message>
    <message>
        <source>Best so far: not won yet</source>
        <translation>最好成绩：尚未获胜</translation>
    </message>
    <message>
        <source>★ Challenge:</source>
        <translation>★ 挑战：</translation>
    </message>
    <message>
        <source>★ Challenge</source>
        <translation>★ 挑战</translation>
    </message>
    <message>
        <source>This lesson has no challenge. The lessons that have one are marked “★ challenge” in the Lessons panel.</source>
        <translation>本课没有挑战。带挑战的课程在“课程列表”面板中标有“★ 挑战”。</translation>
    </message>
    <message>
        <source>Open a lesson to begin.</source>
        <translation>打开一门课程开始学习。</translation>
    </message>
    <message>
        <source>The processes are starting…</source>
        <translation>进程正在启动…</translation>
    </message>
    <message>
        <source>You are the scheduler: you choose which process takes each step, one click at a time, until the simulator sees it happen. Starting resets the processes.</source>
        <translation>你就是调度程序：每点一次，由你决定哪个进程执行下一步，直到模拟器检测到目标发生。开始挑战会重新启动所有进程。</translation>
    </message>
    <message>
        <source>New best! %1 steps.</source>
        <translation>新纪录！只用了 %1 步。</translation>
    </message>
    <message>
        <source>Won in %1 steps.</source>
        <translation>用 %1 步获胜。</translation>
    </message>
    <message>
        <source>Press Try again to start the processes afresh.</source>
        <translation>按“再试一次”重新启动进程。</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Hint %1 of %2</source>
        <translation>提示 %1/%2</translation>
    </message>
    <message>
        <source>No more hints</source>
        <translation>没有更多提示了</translation>
    </message>
    <message>
        <source>Hint %1 of %2:</source>
        <translation>提示 %1/%2：</translation>
    </message>
    <message>
        <source>Start the challenge</source>
        <translation>开始挑战</translation>
    </message>
    <message>
        <source>Start the processes afresh; you then choose every step</source>
        <translation>重新启动进程，之后每一步都由你来选</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>再试一次</translation>
    </message>
    <message>
        <source>Start the processes afresh: steps used go back to 0</source>
        <translation>重新启动进程：已用步数归零</translation>
    </message>
    <message>
        <source>Back to the lesson</source>
        <translation>返回课程</translation>
    </message>
    <message>
        <source>Leave the challenge: the lesson starts again at step 1</source>
        <translation>离开挑战：课程从第 1 步重新开始</translation>
    </message>
    <message>
        <source>Each hint says a little more</source>
        <translation>每条提示都比上一条多透露一点</translation>
    </message>
</context>
<context>
    <name>ChallengeText</name>
    <message>
        <source>a lost update</source>
        <translation>丢失更新</translation>
    </message>
    <message>
        <source>two processes inside one critical section</source>
        <translation>两个进程同时进入临界区</translation>
    </message>
    <message>
        <source>a deadlock</source>
        <translation>死锁</translation>
    </message>
    <message>
        <source>a starving process</source>
        <translation>进程饥饿</translation>
    </message>
    <message>
        <source>a split message</source>
        <translation>消息被拆分</translation>
    </message>
    <message>
        <source>a lost signal</source>
        <translation>信号丢失</translation>
    </message>
    <message>
        <source>a buffer overrun</source>
        <translation>缓冲区溢出</translation>
    </message>
    <message>
        <source>✓ Won: %1 happened.</source>
        <translation>✓ 挑战成功：发生了%1。</translation>
    </message>
    <message>
        <source>✗ Lost: every process finished, and %1 never happened.</source>
        <translation>✗ 挑战失败：所有进程都已结束，始终没有发生%1。</translation>
    </message>
    <message>
        <source>✗ Lost: no process can take another step, and %1 never happened.</source>
        <translation>✗ 挑战失败：没有进程还能再执行一步，始终没有发生%1。</translation>
    </message>
    <message>
        <source>✗ Lost: more than the %1 steps allowed, and %2 never happened.</source>
        <translation>✗ 挑战失败：已超过允许的 %1 步，仍未发生%2。</translation>
    </message>
    <message>
        <source>✗ Lost: %1</source>
        <translation>✗ 挑战失败：%1</translation>
    </message>
    <message>
        <source>%1 is blocked: only another process&apos;s step can release it.</source>
        <translation>%1 处于阻塞状态：只有别的进程执行一步才能唤醒它。</translation>
    </message>
    <message>
        <source>%1 has finished.</source>
        <translation>%1 已经结束。</translation>
    </message>
    <message>
        <source>%1 is still carrying out its previous step.</source>
        <translation>%1 仍在执行上一步。</translation>
    </message>
    <message>
        <source>There is no process %1.</source>
        <translation>没有名为 %1 的进程。</translation>
    </message>
    <message>
        <source>The processes are running freely: pause them first to step.</source>
        <translation>进程正在自由运行：请先暂停，再单步执行。</translation>
    </message>
    <message>
        <source>a read of an empty slot</source>
        <translation>缓冲区下溢（读了空槽）</translation>
    </message>
    <message>
        <source>%1 steps used, more than the %2 allowed, and %3 never happened</source>
        <translation>已用 %1 步，超过允许的 %2 步，仍未发生%3</translation>
    </message>
    <message>
        <source>every process finished, and %1 never happened</source>
        <translation>所有进程都已结束，始终没有发生%1</translation>
    </message>
    <message>
        <source>no process can take another step, and %1 never happened</source>
        <translation>没有进程还能再执行一步，始终没有发生%1</translation>
    </message>
</context>
<context>
    <name>ChannelNode</name>
    <message>
        <source>kernel: %1</source>
        <translation>内核：%1</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>prio %1</source>
        <translation>优先级 %1</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… 还有 %1 条</translation>
    </message>
    <message>
        <source>%1 (room for %2)</source>
        <translation>%1（可容纳 %2 条）</translation>
    </message>
    <message>
        <source>⇄ Switch ▾</source>
        <translation>⇄ 切换 ▾</translation>
    </message>
</context>
<context>
    <name>ChannelSwitchMenu</name>
    <message>
        <source>S&amp;witch Channel</source>
        <translation>切换通道机制(&amp;W)</translation>
    </message>
    <message>
        <source>Move a channel to another mechanism while its processes run</source>
        <translation>在进程运行时把通道换到另一种机制上</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>mechanism name — what it is</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Switch %1 to %2, keeping the messages in flight</source>
        <translation>把 %1 切换到 %2，保留在途消息</translation>
    </message>
</context>
<context>
    <name>ChartsPanel</name>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>time (ms)</source>
        <translation>时间（毫秒）</translation>
    </message>
    <message>
        <source>count</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>in channel</source>
        <translation>通道中</translation>
    </message>
    <message>
        <source>semaphore %1</source>
        <translation>信号量 %1</translation>
    </message>
    <message>
        <source>%1 (messages)</source>
        <translation>%1（消息数）</translation>
    </message>
    <message>
        <source>%1 (bytes)</source>
        <translation>%1（字节）</translation>
    </message>
    <message>
        <source>blocked processes</source>
        <translation>阻塞的进程数</translation>
    </message>
</context>
<context>
    <name>CodePanel</name>
    <message>
        <source>pid %1</source>
        <translation>pid %1</translation>
    </message>
    <message>
        <source>The processes&apos; scripts appear here when a lesson runs.</source>
        <translation>课程运行时，这里显示各进程的脚本。</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>unknown option &apos;%1&apos;</source>
        <translation>未知选项“%1”</translation>
    </message>
    <message>
        <source>%1 needs a value</source>
        <translation>%1 需要一个值</translation>
    </message>
    <message>
        <source>--steps needs a whole number of 0 or more, not &apos;%1&apos;</source>
        <translation>--steps 需要一个不小于 0 的整数，而不是“%1”</translation>
    </message>
    <message>
        <source>--switch needs OBJ=MECHANISM, e.g. buffer=posix_mq, not &apos;%1&apos;</source>
        <translation>--switch 需要“对象=机制”的形式，例如 buffer=posix_mq，而不是“%1”</translation>
    </message>
    <message>
        <source>--lesson-step needs a step number of 1 or more, not &apos;%1&apos;</source>
        <translation>--lesson-step 需要一个不小于 1 的步号，而不是“%1”</translation>
    </message>
    <message>
        <source>--answer needs a whole number, not &apos;%1&apos;</source>
        <translation>--answer 需要一个整数，而不是“%1”</translation>
    </message>
    <message>
        <source>Usage: ipclab [--scenario ID|FILE] [--steps N] [--switch OBJ=MECHANISM]... [--lesson-step N [--answer A]] [--challenge solution|P1,P2,...] [--panel lessons|challenge] [--screenshot FILE.png] [--lang en|zh_CN]
  --scenario   a bundled lesson id (ipclab-cli list) or a lesson file
  --steps      perform N &quot;step all&quot; commands after opening it
  --switch     then switch channel OBJ to MECHANISM (e.g. buffer=posix_mq)
  --lesson-step go through the guided lesson to its step N (1 = the first)
  --answer     then answer that step&apos;s question and check it: the choice
               (counted from 0) or the number to type
  --challenge  play the lesson&apos;s challenge: its solution, or these processes&apos; steps
  --panel      show this panel in front: lessons or challenge
  --screenshot save the window as a PNG image and quit
  --lang       the language of the window
</source>
        <translation>用法：ipclab [--scenario ID|文件] [--steps N] [--switch 对象=机制]... [--lesson-step N [--answer A]] [--challenge solution|P1,P2,...] [--panel lessons|challenge] [--screenshot 文件.png] [--lang en|zh_CN]
  --scenario   内置课程的 ID（见 ipclab-cli list）或课程文件
  --steps      打开后执行 N 次“全部单步”
  --switch     随后把通道“对象”切换到“机制”（例如 buffer=posix_mq）
  --lesson-step 按课程引导走到第 N 步（1 为第一步）
  --answer     然后回答这一步的问题并检查：选项（从 0 数起）或要填的数
  --challenge  进行本课的挑战：用它自带的解法，或按这些进程的顺序单步
  --panel      把这个面板放到最前：lessons（课程列表）或 challenge（挑战）
  --screenshot 把窗口保存为 PNG 图片后退出
  --lang       窗口使用的语言
</translation>
    </message>
    <message>
        <source>--panel needs lessons or challenge, not &apos;%1&apos;</source>
        <translation>--panel 需要 lessons 或 challenge，而不是“%1”</translation>
    </message>
</context>
<context>
    <name>DeadlockBanner</name>
    <message>
        <source>Deadlock</source>
        <translation>死锁</translation>
    </message>
    <message>
        <source>each process below waits for what the next one holds, so none of them can go on</source>
        <translation>下面每个进程都在等待下一个进程持有的资源，谁也无法继续</translation>
    </message>
    <message>
        <source>waits for</source>
        <comment>a deadlock cycle: process -&gt; object</comment>
        <translation>等待</translation>
    </message>
    <message>
        <source>held by</source>
        <comment>a deadlock cycle: object -&gt; process</comment>
        <translation>持有者</translation>
    </message>
</context>
<context>
    <name>Diagnostics</name>
    <message>
        <source>no bundled scenario %1 and no such file%2</source>
        <translation>没有内置场景 %1，也没有这个文件%2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>the course</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>a chapter</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>no bundled lesson %1%2</source>
        <translation>没有内置课程 %1%2</translation>
    </message>
    <message>
        <source>%1 is already in an earlier chapter</source>
        <translation>%1 已经出现在前面的章节中</translation>
    </message>
    <message>
        <source>the course is empty: it starts with &apos;ipclab-course: 1&apos;</source>
        <translation>课程文件是空的：它应以 'ipclab-course: 1' 开头</translation>
    </message>
    <message>
        <source>a channel (pipe, fifo, posix_mq, ...)</source>
        <translation>通道（pipe、fifo、posix_mq 等）</translation>
    </message>
    <message>
        <source>a semaphore</source>
        <translation>信号量（semaphore）</translation>
    </message>
    <message>
        <source>a mutex</source>
        <translation>互斥锁（mutex）</translation>
    </message>
    <message>
        <source>a mutex or an rwlock</source>
        <translation>互斥锁（mutex）或读写锁（rwlock）</translation>
    </message>
    <message>
        <source>a mutex, a semaphore, an rwlock, a file_lock or a shared_memory (a flag)</source>
        <translation>mutex、semaphore、rwlock、file_lock 或 shared_memory（用作标志）</translation>
    </message>
    <message>
        <source>an rwlock</source>
        <translation>读写锁（rwlock）</translation>
    </message>
    <message>
        <source>a condvar</source>
        <translation>条件变量（condvar）</translation>
    </message>
    <message>
        <source>a shared_memory</source>
        <translation>共享内存（shared_memory）</translation>
    </message>
    <message>
        <source>a file_lock</source>
        <translation>文件锁（file_lock）</translation>
    </message>
    <message>
        <source>an event</source>
        <translation>事件（event）</translation>
    </message>
    <message>
        <source>a barrier</source>
        <translation>屏障（barrier）</translation>
    </message>
    <message>
        <source>an rpc</source>
        <translation>RPC 服务（rpc）</translation>
    </message>
    <message>
        <source>a pipe, a fifo or a unix_stream</source>
        <translation>pipe、fifo 或 unix_stream</translation>
    </message>
    <message>
        <source>%1 takes the name of %2, like &apos;%3: NAME&apos;, not %4</source>
        <translation>%1 的值应是%2的名字，形如 '%3: NAME'，而不是 %4</translation>
    </message>
    <message>
        <source>%1 needs a map like &apos;%2: %3&apos;, not %4</source>
        <translation>%1 需要一个映射，形如 '%2: %3'，而不是 %4</translation>
    </message>
    <message>
        <source>an object name may only depend on the copy, with {k} (as in %2), not on %1</source>
        <translation>对象名只能通过 {k} 随副本变化（如 %2），不能依赖 %1</translation>
    </message>
    <message>
        <source>%1 is %2 for copy %3 of %4, and there is no object %2</source>
        <translation>对 %4 的第 %3 个副本来说，%1 就是 %2，但没有名为 %2 的对象</translation>
    </message>
    <message>
        <source>cell %1 does not exist: %2 has 1 cell (cell 0)</source>
        <translation>单元 %1 不存在：%2 只有 1 个单元（单元 0）</translation>
    </message>
    <message>
        <source>cell %1 does not exist: %2 has %3 cells (0 to %4)</source>
        <translation>单元 %1 不存在：%2 有 %3 个单元（0 到 %4）</translation>
    </message>
    <message>
        <source>%1 only applies to a %2, but %3 is %4</source>
        <translation>%1 只适用于 %2，但 %3 是 %4</translation>
    </message>
    <message>
        <source>&apos;steps&apos; is empty: give at least one action</source>
        <translation>'steps' 是空的：至少要给出一个动作</translation>
    </message>
    <message>
        <source>a step must be one &apos;action: ...&apos; pair, like &apos;post: full&apos;, not %1</source>
        <translation>每一步必须是一个 'action: ...' 键值对，如 'post: full'，而不是 %1</translation>
    </message>
    <message>
        <source>this step</source>
        <translation>这一步</translation>
    </message>
    <message>
        <source>this step is empty: give one action</source>
        <translation>这一步是空的：请给出一个动作</translation>
    </message>
    <message>
        <source>start each action with its own &apos;-&apos;</source>
        <translation>每个动作都要以自己的 '-' 开头</translation>
    </message>
    <message>
        <source>if %1 belongs to %2, indent it further than %2</source>
        <translation>如果 %1 属于 %2，就要比 %2 缩进得更深</translation>
    </message>
    <message>
        <source>a step holds exactly one action, but this one has %1 (%2, %3%4): %5</source>
        <translation>每一步只能有一个动作，这一步却有 %1 个（%2, %3%4）：%5</translation>
    </message>
    <message>
        <source>unknown action %1%2</source>
        <translation>未知的动作 %1%2</translation>
    </message>
    <message>
        <source>&apos;sigwait&apos; takes a signal or a list of signals, like &apos;sigwait: [SIGUSR1, SIGUSR2]&apos;, not a map</source>
        <translation>'sigwait' 的值应是一个信号或信号列表，如 'sigwait: [SIGUSR1, SIGUSR2]'，而不是映射</translation>
    </message>
    <message>
        <source>&apos;sigwait&apos; needs a signal</source>
        <translation>'sigwait' 需要一个信号</translation>
    </message>
    <message>
        <source>a signal</source>
        <translation>信号</translation>
    </message>
    <message>
        <source>&apos;mode&apos; must be shared or exclusive, not %1%2</source>
        <translation>'mode' 必须是 shared 或 exclusive，而不是 %1%2</translation>
    </message>
    <message>
        <source>&apos;style&apos; must be fcntl, flock or ofd, not %1%2</source>
        <translation>'style' 必须是 fcntl、flock 或 ofd，而不是 %1%2</translation>
    </message>
    <message>
        <source>flock() always locks the whole file, so %1 needs style fcntl or ofd</source>
        <translation>flock() 总是锁住整个文件，所以 %1 需要 style 为 fcntl 或 ofd</translation>
    </message>
    <message>
        <source>&apos;args&apos; has more than 16 values</source>
        <translation>'args' 的值超过了 16 个</translation>
    </message>
    <message>
        <source>&apos;exec&apos; may run only ps, grep, sort, wc, cat, head, tail or echo, not %1</source>
        <translation>'exec' 只能运行 ps、grep、sort、wc、cat、head、tail 或 echo，不能运行 %1</translation>
    </message>
    <message>
        <source>&apos;argv&apos; is empty: give the program and its arguments</source>
        <translation>'argv' 是空的：请给出程序及其参数</translation>
    </message>
    <message>
        <source>&apos;argv&apos; has more than 32 words</source>
        <translation>'argv' 超过了 32 个词</translation>
    </message>
    <message>
        <source>a channel</source>
        <translation>通道（channel）</translation>
    </message>
    <message>
        <source>a semaphore, a channel, a shared_memory, an rwlock, a file_lock or an event</source>
        <translation>semaphore、通道、shared_memory、rwlock、file_lock 或 event</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 或 %2</translation>
    </message>
    <message>
        <source>unknown goal %1%2; use %3</source>
        <translation>未知的目标 %1%2；可用的有 %3</translation>
    </message>
    <message>
        <source>unknown finding %1%2; use %3</source>
        <translation>未知的发现 %1%2；可用的有 %3</translation>
    </message>
    <message>
        <source>unknown %1 %2%3; use %4</source>
        <translation>未知的 %1 %2%3；可用的有 %4</translation>
    </message>
    <message>
        <source>%1 cannot be both %2 and %3</source>
        <translation>%1 不能既是 %2 又是 %3</translation>
    </message>
    <message>
        <source>the value of %1</source>
        <translation>%1 的值</translation>
    </message>
    <message>
        <source>&apos;owner&apos; needs a mutex and its owner, like {guard: producer}</source>
        <translation>'owner' 需要一个互斥锁及其持有者，如 {guard: producer}</translation>
    </message>
    <message>
        <source>the owner of %1</source>
        <translation>%1 的持有者</translation>
    </message>
    <message>
        <source>the cells of %1</source>
        <translation>%1 的单元</translation>
    </message>
    <message>
        <source>a cell value</source>
        <translation>单元的值</translation>
    </message>
    <message>
        <source>%1 has %2 cells, not %3</source>
        <translation>%1 有 %2 个单元，而不是 %3 个</translation>
    </message>
    <message>
        <source>the messages in %1</source>
        <translation>%1 中的消息</translation>
    </message>
    <message>
        <source>an event in &apos;happened&apos; names a &apos;signal&apos; delivered to the process or a &apos;call&apos; it made, one of the two</source>
        <translation>'happened' 中的事件要么写进程收到的 'signal'，要么写它发起的系统调用 'call'，二者只能选一</translation>
    </message>
    <message>
        <source>&apos;errno&apos; goes with a &apos;call&apos;, not with a &apos;signal&apos;</source>
        <translation>'errno' 只能和 'call' 一起写，不能和 'signal' 一起写</translation>
    </message>
    <message>
        <source>unknown system call %1%2</source>
        <translation>未知的系统调用 %1%2</translation>
    </message>
    <message>
        <source>unknown errno %1%2</source>
        <translation>未知的 errno %1%2</translation>
    </message>
    <message>
        <source>a shared_memory with &apos;private: true&apos;</source>
        <translation>带 'private: true' 的共享内存（shared_memory）</translation>
    </message>
    <message>
        <source>a semaphore, a channel, a shared_memory that is not private, an rwlock, a file_lock or an event</source>
        <translation>semaphore、通道、非私有的 shared_memory、rwlock、file_lock 或 event</translation>
    </message>
    <message>
        <source>the memory of %1</source>
        <translation>%1 的内存</translation>
    </message>
    <message>
        <source>the memory of %1 is empty: name a private object and its value, like {x: 42}</source>
        <translation>%1 的内存是空的：请写出一个私有对象及其值，如 {x: 42}</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%2 中的 %1</translation>
    </message>
    <message>
        <source>%1 lists no cells: give at least cell 0</source>
        <translation>%1 没有列出任何单元：至少要给出单元 0</translation>
    </message>
    <message>
        <source>%1 has %2 cell, not %3</source>
        <translation>%1 只有 %2 个单元，而不是 %3 个</translation>
    </message>
    <message>
        <source>%1 is private: each process has its own copy, so it has no one value for %2; check a process&apos;s copy with &apos;memory: {PROCESS: {%3: VALUE}}&apos;</source>
        <translation>%1 是私有的：每个进程各有一份副本，所以它没有可供 %2 检查的统一的值；请用 'memory: {PROCESS: {%3: VALUE}}' 检查某个进程的副本</translation>
    </message>
    <message>
        <source>&apos;memory&apos; is empty: name a process and its copy, like {writer: {x: 42}}</source>
        <translation>'memory' 是空的：请写出一个进程及其副本，如 {writer: {x: 42}}</translation>
    </message>
    <message>
        <source>&apos;at_least&apos; is empty: name an object and its least value</source>
        <translation>'at_least' 是空的：请写出一个对象及其最小值</translation>
    </message>
    <message>
        <source>the least value of %1</source>
        <translation>%1 的最小值</translation>
    </message>
    <message>
        <source>a channel that lists alternatives</source>
        <translation>列出了 alternatives 的通道</translation>
    </message>
    <message>
        <source>&apos;step&apos; is empty: name a process and a count</source>
        <translation>'step' 是空的：请写出一个进程和步数</translation>
    </message>
    <message>
        <source>the step count of %1</source>
        <translation>%1 的步数</translation>
    </message>
    <message>
        <source>%1 is empty: name a process</source>
        <translation>%1 是空的：请写出一个进程</translation>
    </message>
    <message>
        <source>&apos;all&apos; already runs every process: write &apos;run: all&apos; alone</source>
        <translation>'all' 已经包含所有进程：请单独写 'run: all'</translation>
    </message>
    <message>
        <source>&apos;switch&apos; is empty: name a channel and a mechanism ({buffer: posix_mq})</source>
        <translation>'switch' 是空的：请写出一个通道和一种机制（{buffer: posix_mq}）</translation>
    </message>
    <message>
        <source>the mechanism of %1</source>
        <translation>%1 的机制</translation>
    </message>
    <message>
        <source>%1 cannot run on %2%3; it can run on %4</source>
        <translation>%1 不能在 %2 上运行%3；它可以运行在 %4 上</translation>
    </message>
    <message>
        <source>a choice</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>&apos;ask&apos; has &apos;choices&apos; or a &apos;value&apos; to type, not both</source>
        <translation>'ask' 要么有 'choices'，要么有待输入的 'value'，不能两者都有</translation>
    </message>
    <message>
        <source>&apos;ask&apos; needs &apos;choices&apos; (a multiple-choice question) or &apos;value&apos; (an object whose value the student types)</source>
        <translation>'ask' 需要 'choices'（选择题）或 'value'（由学生输入其值的对象）</translation>
    </message>
    <message>
        <source>&apos;choices&apos; must list 2 to %1 answers, not %2</source>
        <translation>'choices' 必须列出 2 到 %1 个答案，而不是 %2 个</translation>
    </message>
    <message>
        <source>&apos;answer&apos; is the number of the right choice counted from 0, so it must be between 0 and %1, not %2</source>
        <translation>'answer' 是正确选项从 0 开始的序号，所以必须在 0 到 %1 之间，而不是 %2</translation>
    </message>
    <message>
        <source>&apos;lesson&apos; is empty: give at least one step</source>
        <translation>'lesson' 是空的：至少要给出一个步骤</translation>
    </message>
    <message>
        <source>this lesson step</source>
        <translation>这个课程步骤</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>a hint</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>&apos;hints&apos; lists 1 to 3 hints, vaguest first, not %1</source>
        <translation>'hints' 应列出 1 到 3 条提示（最含糊的在前），而不是 %1 条</translation>
    </message>
    <message>
        <source>a shared_memory that is not private</source>
        <translation>非私有的共享内存（shared_memory）</translation>
    </message>
    <message>
        <source>%1 has %2 cell, but &apos;measure&apos; writes %3: the times the cost, then the nanoseconds per value with threads and with a pipe</source>
        <translation>%1 只有 %2 个单元，但 'measure' 要写入 %3 个：开销的倍数，以及用线程和用管道时每个值的纳秒数</translation>
    </message>
    <message>
        <source>%1 has %2 cells, but &apos;measure&apos; writes %3: the times the cost, then the nanoseconds per value with threads and with a pipe</source>
        <translation>%1 只有 %2 个单元，但 'measure' 要写入 %3 个：开销的倍数，以及用线程和用管道时每个值的纳秒数</translation>
    </message>
    <message>
        <source>%1 is not a channel mechanism%2; use pipe, fifo, posix_mq, sysv_mq, unix_stream, unix_dgram, tcp, udp or shm_ring</source>
        <translation>%1 不是通道机制%2；可用 pipe、fifo、posix_mq、sysv_mq、unix_stream、unix_dgram、tcp、udp 或 shm_ring</translation>
    </message>
    <message>
        <source>&apos;semaphores&apos; only applies to a shm_ring (its empty and full semaphores), but %1 is %2</source>
        <translation>'semaphores' 只适用于 shm_ring（指它的 empty 和 full 信号量），但 %1 是 %2</translation>
    </message>
    <message>
        <source>&apos;semaphores&apos; cannot go with &apos;alternatives&apos;: %1 would run without its semaphores on shm_ring only, so it cannot switch; remove one of them</source>
        <translation>'semaphores' 不能与 'alternatives' 同时使用：%1 将只在不带信号量的 shm_ring 上运行，因此无法切换；请删掉其中之一</translation>
    </message>
    <message>
        <source>&apos;mechanism&apos; is only for &apos;kind: channel&apos;; %1 is already its own mechanism</source>
        <translation>'mechanism' 只用于 'kind: channel'；%1 本身就是一种机制</translation>
    </message>
    <message>
        <source>an alternative</source>
        <translation>备选机制</translation>
    </message>
    <message>
        <source>%1 is listed twice in &apos;alternatives&apos;</source>
        <translation>%1 在 'alternatives' 中列出了两次</translation>
    </message>
    <message>
        <source>%1 only applies to a posix_mq, a sysv_mq or a shm_ring, but %2 is %3</source>
        <translation>%1 只适用于 posix_mq、sysv_mq 或 shm_ring，但 %2 是 %3</translation>
    </message>
    <message>
        <source>%1 only applies to a posix_mq or a shm_ring, but %2 is %3</source>
        <translation>%1 只适用于 posix_mq 或 shm_ring，但 %2 是 %3</translation>
    </message>
    <message>
        <source>unknown semaphore flavor %1%2; use posix_named, posix_unnamed or sysv</source>
        <translation>未知的信号量类型 %1%2；可用 posix_named、posix_unnamed 或 sysv</translation>
    </message>
    <message>
        <source>a sysv semaphore counts to at most %1 (SEMVMX), not %2</source>
        <translation>sysv 信号量最多只能计数到 %1（SEMVMX），不能是 %2</translation>
    </message>
    <message>
        <source>&apos;undo&apos; (semop with SEM_UNDO) only applies to a semaphore with &apos;flavor: sysv&apos;, but %1 is a %2 semaphore</source>
        <translation>'undo'（带 SEM_UNDO 的 semop）只适用于 'flavor: sysv' 的信号量，但 %1 是 %2 信号量</translation>
    </message>
    <message>
        <source>&apos;reset&apos; must be manual or auto, not %1%2</source>
        <translation>'reset' 必须是 manual 或 auto，而不是 %1%2</translation>
    </message>
    <message>
        <source>&apos;prefer&apos; must be readers or writers, not %1%2</source>
        <translation>'prefer' 必须是 readers 或 writers，而不是 %1%2</translation>
    </message>
    <message>
        <source>this object</source>
        <translation>这个对象</translation>
    </message>
    <message>
        <source>object %1</source>
        <translation>对象 %1</translation>
    </message>
    <message>
        <source>unknown kind %1%2</source>
        <translation>未知的类型 %1%2</translation>
    </message>
    <message>
        <source>&apos;mechanism&apos; is only for &apos;kind: channel&apos;, but %1 is %2</source>
        <translation>'mechanism' 只用于 'kind: channel'，但 %1 是 %2</translation>
    </message>
    <message>
        <source>&apos;alternatives&apos; is only for objects that carry messages (channel, pipe, fifo, posix_mq, ...), but %1 is %2</source>
        <translation>'alternatives' 只用于传递消息的对象（channel、pipe、fifo、posix_mq 等），但 %1 是 %2</translation>
    </message>
    <message>
        <source>&apos;undo&apos; (semop with SEM_UNDO) only applies to a semaphore with &apos;flavor: sysv&apos;, but %1 is %2</source>
        <translation>'undo'（带 SEM_UNDO 的 semop）只适用于 'flavor: sysv' 的信号量，但 %1 是 %2</translation>
    </message>
    <message>
        <source>duplicate object name %1 (first defined at line %2)</source>
        <translation>重复的对象名 %1（首次定义在第 %2 行）</translation>
    </message>
    <message>
        <source>&apos;processes&apos; is empty: a scenario needs at least one process</source>
        <translation>'processes' 是空的：一个场景至少需要一个进程</translation>
    </message>
    <message>
        <source>this process</source>
        <translation>这个进程</translation>
    </message>
    <message>
        <source>process %1</source>
        <translation>进程 %1</translation>
    </message>
    <message>
        <source>&apos;all&apos; cannot name a process: lessons use it to mean every process</source>
        <translation>'all' 不能用作进程名：课程用它表示所有进程</translation>
    </message>
    <message>
        <source>duplicate process name %1 (first defined at line %2)</source>
        <translation>重复的进程名 %1（首次定义在第 %2 行）</translation>
    </message>
    <message>
        <source>these processes run %1 copies in all, but at most %2 are allowed</source>
        <translation>这些进程总共运行 %1 个副本，但最多只允许 %2 个</translation>
    </message>
    <message>
        <source>process %1 would perform too many actions, but at most %3 are allowed: lower a &apos;repeat&apos; count</source>
        <translation>进程 %1 要执行的动作太多，最多只允许 %3 个：请调小某个 'repeat' 的次数</translation>
    </message>
    <message>
        <source>process %1 would perform %2 actions, but at most %3 are allowed: lower a &apos;repeat&apos; count</source>
        <translation>进程 %1 要执行 %2 个动作，但最多只允许 %3 个：请调小某个 'repeat' 的次数</translation>
    </message>
    <message>
        <source>%1 runs %2 copies, %3 to %4</source>
        <translation>%1 运行 %2 个副本，从 %3 到 %4</translation>
    </message>
    <message>
        <source>a private shared_memory (each process has its own copy)</source>
        <translation>私有的 shared_memory（每个进程各有一份副本）</translation>
    </message>
    <message>
        <source>a %1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>an %1</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>a %1</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>%1 needs %2, but %3 is %4</source>
        <translation>%1 需要%2，但 %3 是 %4</translation>
    </message>
    <message>
        <source>; %1 could use %2</source>
        <translation>；%1 可以使用 %2</translation>
    </message>
    <message>
        <source>unknown object %1%2</source>
        <translation>未知的对象 %1%2</translation>
    </message>
    <message>
        <source>unknown process %1%2</source>
        <translation>未知的进程 %1%2</translation>
    </message>
    <message>
        <source>%1: say which one</source>
        <translation>%1：请指明是哪一个</translation>
    </message>
    <message>
        <source>%1 runs only once: write %1 without %2</source>
        <translation>%1 只运行一份：请写 %1，不要带 %2</translation>
    </message>
    <message>
        <source>%1 is not one of its copies: %2</source>
        <translation>%1 不是它的副本：%2</translation>
    </message>
    <message>
        <source>%1 cannot be caught, blocked or waited for, so a scenario may not use it; try SIGTERM or SIGUSR1</source>
        <translation>%1 无法被捕获、阻塞或等待，所以场景中不能使用它；可以试试 SIGTERM 或 SIGUSR1</translation>
    </message>
    <message>
        <source>unknown signal %1%2; use SIGUSR1, SIGUSR2, SIGTERM, SIGINT, SIGHUP, SIGALRM, SIGCHLD, SIGCONT, SIGPIPE or SIGRTMIN to SIGRTMIN+8</source>
        <translation>未知的信号 %1%2；可用 SIGUSR1、SIGUSR2、SIGTERM、SIGINT、SIGHUP、SIGALRM、SIGCHLD、SIGCONT、SIGPIPE 或 SIGRTMIN 到 SIGRTMIN+8</translation>
    </message>
    <message>
        <source>&apos;{proc:%1}&apos;: a width is for numbers ({i:4}, {k:2}), not for a name</source>
        <translation>'{proc:%1}'：宽度只用于数字（{i:4}、{k:2}），不能用于名字</translation>
    </message>
    <message>
        <source>&apos;{i}&apos; counts the turns of a &apos;repeat&apos;, but this text is not inside one</source>
        <translation>'{i}' 是 'repeat' 的轮次计数，但这段文字不在任何 'repeat' 之内</translation>
    </message>
    <message>
        <source>unknown placeholder %1%2; a text may use {i}, {proc} and {k}</source>
        <translation>未知的占位符 %1%2；文字中可以使用 {i}、{proc} 和 {k}</translation>
    </message>
    <message>
        <source>this text is too long: up to %1 bytes once {i} {proc} {k} are filled in, but at most %2 are allowed</source>
        <translation>这段文字太长：填入 {i} {proc} {k} 后最多可达 %1 字节，但最多只允许 %2 字节</translation>
    </message>
    <message>
        <source>this file is written for format version %1, but this IPC Lab reads version 1 (write &apos;ipclab: 1&apos;)</source>
        <translation>这个文件是按格式版本 %1 编写的，但本 IPC Lab 只能读取版本 1（请写 'ipclab: 1'）</translation>
    </message>
    <message>
        <source>missing key &apos;ipclab&apos; in the scenario: start the file with &apos;ipclab: 1&apos; (the format version)</source>
        <translation>场景中缺少键 'ipclab'：文件应以 'ipclab: 1'（格式版本）开头</translation>
    </message>
    <message>
        <source>id %1 may use only lowercase letters, digits and &apos;-&apos; (at most 64), like &apos;producer-consumer&apos;</source>
        <translation>id %1 只能使用小写字母、数字和 '-'（最多 64 个），如 'producer-consumer'</translation>
    </message>
    <message>
        <source>unknown category %1%2; use message-passing, synchronization, shared-memory or rpc</source>
        <translation>未知的类别 %1%2；可用 message-passing、synchronization、shared-memory 或 rpc</translation>
    </message>
    <message>
        <source>the scenario</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>the file is larger than 1 MiB; a lesson is much smaller</source>
        <translation>文件超过了 1 MiB；一个课程要小得多</translation>
    </message>
    <message>
        <source>the file is empty: a scenario starts with &apos;ipclab: 1&apos;</source>
        <translation>文件是空的：场景应以 'ipclab: 1' 开头</translation>
    </message>
    <message>
        <source>the file holds more than %1 YAML values (are anchors and aliases repeating a part?)</source>
        <translation>文件中的 YAML 值超过了 %1 个（是不是锚点和别名在重复某一部分？）</translation>
    </message>
    <message>
        <source>a scenario file holds one YAML document, but a second one starts here after &apos;---&apos;</source>
        <translation>一个场景文件只能包含一个 YAML 文档，但这里在 '---' 之后开始了第二个</translation>
    </message>
    <message>
        <source>YAML syntax error: %1</source>
        <translation>YAML 语法错误：%1</translation>
    </message>
    <message>
        <source>the file could not be read: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source> (did you mean %1?)</source>
        <translation>（是不是指 %1？）</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>a map</source>
        <translation>映射</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>a text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>%1 more errors not shown; fix these first</source>
        <translation>还有 %1 个错误未显示；请先修正上面这些</translation>
    </message>
    <message>
        <source>%1 needs a value</source>
        <translation>%1 需要一个值</translation>
    </message>
    <message>
        <source>%1 must be a text, not %2</source>
        <translation>%1 必须是文本，而不是 %2</translation>
    </message>
    <message>
        <source>%1 is not a valid name: use at most 32 letters, digits, &apos;_&apos; or &apos;-&apos;, starting with a letter</source>
        <translation>%1 不是合法的名字：最多 32 个字母、数字、'_' 或 '-'，并以字母开头</translation>
    </message>
    <message>
        <source>%1 must be a whole number, not %2</source>
        <translation>%1 必须是整数，而不是 %2</translation>
    </message>
    <message>
        <source>%1 must be a number, but %2 is in quotes, which makes it a text (write it without quotes)</source>
        <translation>%1 必须是数字，但 %2 加了引号，就成了文本（去掉引号即可）</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3, not %4</source>
        <translation>%1 必须在 %2 到 %3 之间，而不是 %4</translation>
    </message>
    <message>
        <source>%1 must be true or false, not %2</source>
        <translation>%1 必须是 true 或 false，而不是 %2</translation>
    </message>
    <message>
        <source>%1 must be a text or a map like {en: &quot;...&quot;, zh: &quot;...&quot;}, not %2</source>
        <translation>%1 必须是文本或形如 {en: "...", zh: "..."} 的映射，而不是%2</translation>
    </message>
    <message>
        <source>%1 needs an English text</source>
        <translation>%1 需要英文文本</translation>
    </message>
    <message>
        <source>%1 must be a list (items starting with &apos;-&apos;, or [a, b]), not %2</source>
        <translation>%1 必须是列表（以 '-' 开头的各项，或 [a, b]），而不是 %2</translation>
    </message>
    <message>
        <source>an item of %1</source>
        <translation>%1 中的一项</translation>
    </message>
    <message>
        <source>%1 must be a map of &apos;key: value&apos; pairs, not %2</source>
        <translation>%1 必须是由 'key: value' 键值对组成的映射，而不是 %2</translation>
    </message>
    <message>
        <source>a key must be a plain word, not %1</source>
        <translation>键必须是一个普通的词，而不是 %1</translation>
    </message>
    <message>
        <source>duplicate key %1 (already given at line %2)</source>
        <translation>重复的键 %1（已在第 %2 行给出）</translation>
    </message>
    <message>
        <source>unknown key %1 in %2%3</source>
        <translation>%2 中有未知的键 %1%3</translation>
    </message>
    <message>
        <source>missing key %1 in %2</source>
        <translation>%2 中缺少键 %1</translation>
    </message>
</context>
<context>
    <name>DiagramPaint</name>
    <message>
        <source>pipe</source>
        <translation>管道</translation>
    </message>
    <message>
        <source>FIFO (named pipe)</source>
        <translation>FIFO（命名管道）</translation>
    </message>
    <message>
        <source>POSIX message queue</source>
        <translation>POSIX 消息队列</translation>
    </message>
    <message>
        <source>System V message queue</source>
        <translation>System V 消息队列</translation>
    </message>
    <message>
        <source>Unix stream socket</source>
        <translation>Unix 流套接字</translation>
    </message>
    <message>
        <source>Unix datagram socket</source>
        <translation>Unix 数据报套接字</translation>
    </message>
    <message>
        <source>TCP socket</source>
        <translation>TCP 套接字</translation>
    </message>
    <message>
        <source>UDP socket</source>
        <translation>UDP 套接字</translation>
    </message>
    <message>
        <source>shared-memory ring</source>
        <translation>共享内存环形缓冲区</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>signal</source>
        <translation>信号</translation>
    </message>
    <message>
        <source>shared memory</source>
        <translation>共享内存</translation>
    </message>
    <message>
        <source>semaphore</source>
        <translation>信号量</translation>
    </message>
    <message>
        <source>mutex</source>
        <translation>互斥锁</translation>
    </message>
    <message>
        <source>condition variable</source>
        <translation>条件变量</translation>
    </message>
    <message>
        <source>read-write lock</source>
        <translation>读写锁</translation>
    </message>
    <message>
        <source>file lock</source>
        <translation>文件锁</translation>
    </message>
    <message>
        <source>event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>barrier</source>
        <translation>屏障</translation>
    </message>
    <message>
        <source>remote procedure call</source>
        <translation>远程过程调用</translation>
    </message>
    <message>
        <source>channel: %1</source>
        <translation>通道：%1</translation>
    </message>
    <message>
        <source>write</source>
        <comment>holds or waits for a rwlock as a writer</comment>
        <translation>写</translation>
    </message>
    <message>
        <source>read</source>
        <comment>holds or waits for a rwlock as a reader</comment>
        <translation>读</translation>
    </message>
    <message>
        <source>exclusive</source>
        <comment>a file lock</comment>
        <translation>独占</translation>
    </message>
    <message>
        <source>shared</source>
        <comment>a file lock</comment>
        <translation>共享</translation>
    </message>
    <message>
        <source>private: one per process</source>
        <translation>私有：每个进程各有一份</translation>
    </message>
</context>
<context>
    <name>DiagramScene</name>
    <message>
        <source>send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>receive</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>wait</source>
        <translation>等待</translation>
    </message>
    <message>
        <source>post</source>
        <translation>释放</translation>
    </message>
    <message>
        <source>lock</source>
        <translation>加锁</translation>
    </message>
    <message>
        <source>unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>read</source>
        <translation>读</translation>
    </message>
    <message>
        <source>write</source>
        <translation>写</translation>
    </message>
    <message>
        <source>EOF</source>
        <translation>EOF 文件结束</translation>
    </message>
    <message>
        <source>call</source>
        <translation>调用</translation>
    </message>
    <message>
        <source>serve</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>read lock</source>
        <translation>读锁</translation>
    </message>
    <message>
        <source>write lock</source>
        <translation>写锁</translation>
    </message>
    <message>
        <source>signal</source>
        <comment>pthread_cond_signal</comment>
        <translation>通知</translation>
    </message>
    <message>
        <source>broadcast</source>
        <translation>广播</translation>
    </message>
    <message>
        <source>set</source>
        <comment>an event</comment>
        <translation>置位</translation>
    </message>
    <message>
        <source>reset</source>
        <comment>an event</comment>
        <translation>复位</translation>
    </message>
</context>
<context>
    <name>DiagramView</name>
    <message>
        <source>&amp;Animations</source>
        <translation>动画(&amp;A)</translation>
    </message>
    <message>
        <source>Let message tokens travel along the diagram</source>
        <translation>让消息标记沿着图中的连线移动</translation>
    </message>
    <message>
        <source>The lesson&apos;s processes appear here once they start.</source>
        <translation>课程的进程启动后会显示在这里。</translation>
    </message>
</context>
<context>
    <name>EdgeItem</name>
    <message>
        <source>blocked</source>
        <translation>阻塞</translation>
    </message>
    <message>
        <source>waits for</source>
        <comment>a deadlock cycle: process -&gt; object</comment>
        <translation>等待</translation>
    </message>
    <message>
        <source>held by</source>
        <comment>a deadlock cycle: object -&gt; process</comment>
        <translation>持有者</translation>
    </message>
</context>
<context>
    <name>EventDetailText</name>
    <message>
        <source>Operation not permitted</source>
        <translation>不允许的操作</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>没有这个文件或目录</translation>
    </message>
    <message>
        <source>No such process</source>
        <translation>没有这个进程</translation>
    </message>
    <message>
        <source>Interrupted system call</source>
        <translation>系统调用被信号打断</translation>
    </message>
    <message>
        <source>Bad file descriptor</source>
        <translation>文件描述符无效</translation>
    </message>
    <message>
        <source>No child processes</source>
        <translation>没有子进程</translation>
    </message>
    <message>
        <source>Resource temporarily unavailable</source>
        <translation>资源暂时不可用</translation>
    </message>
    <message>
        <source>Cannot allocate memory</source>
        <translation>无法分配内存</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>权限不够</translation>
    </message>
    <message>
        <source>File exists</source>
        <translation>文件已存在</translation>
    </message>
    <message>
        <source>Invalid argument</source>
        <translation>参数无效</translation>
    </message>
    <message>
        <source>Too many open files</source>
        <translation>打开的文件过多</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>设备上没有剩余空间</translation>
    </message>
    <message>
        <source>Broken pipe</source>
        <translation>管道已断开：没有进程再读</translation>
    </message>
    <message>
        <source>Resource deadlock avoided</source>
        <translation>避免了一次资源死锁</translation>
    </message>
    <message>
        <source>No message of desired type</source>
        <translation>没有所要类型的消息</translation>
    </message>
    <message>
        <source>Identifier removed</source>
        <translation>标识符已被删除</translation>
    </message>
    <message>
        <source>Message too long</source>
        <translation>消息太长</translation>
    </message>
    <message>
        <source>Operation not supported</source>
        <translation>不支持这个操作</translation>
    </message>
    <message>
        <source>Address already in use</source>
        <translation>地址已被占用</translation>
    </message>
    <message>
        <source>Connection reset by peer</source>
        <translation>连接被对方重置</translation>
    </message>
    <message>
        <source>Transport endpoint is not connected</source>
        <translation>传输端点尚未连接</translation>
    </message>
    <message>
        <source>Connection timed out</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>连接被拒绝</translation>
    </message>
    <message>
        <source>Owner died</source>
        <translation>持有者已死亡</translation>
    </message>
    <message>
        <source>State not recoverable</source>
        <translation>状态无法恢复</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>an errno&apos;s name and what it means</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>this process has no end of the channel</source>
        <translation>这个进程没有该通道的任何一端</translation>
    </message>
    <message>
        <source>send failed</source>
        <translation>发送失败</translation>
    </message>
    <message>
        <source>receive failed</source>
        <translation>接收失败</translation>
    </message>
    <message>
        <source>semaphore not open</source>
        <translation>信号量未打开</translation>
    </message>
    <message>
        <source>sem_post failed</source>
        <translation>sem_post 失败</translation>
    </message>
    <message>
        <source>lock failed</source>
        <translation>加锁失败</translation>
    </message>
    <message>
        <source>unlock of a mutex this process does not hold</source>
        <translation>解锁了一个不归本进程持有的互斥锁</translation>
    </message>
    <message>
        <source>pthread_mutex_unlock failed</source>
        <translation>pthread_mutex_unlock 失败</translation>
    </message>
    <message>
        <source>shared memory not mapped</source>
        <translation>共享内存未映射</translation>
    </message>
    <message>
        <source>no server to call: connect failed</source>
        <translation>没有可调用的服务器：connect 失败</translation>
    </message>
    <message>
        <source>no reply</source>
        <translation>没有收到回复</translation>
    </message>
    <message>
        <source>not a server of this rpc</source>
        <translation>不是这个 RPC 的服务器</translation>
    </message>
    <message>
        <source>program not found in /usr/bin or /bin</source>
        <translation>在 /usr/bin 和 /bin 中找不到这个程序</translation>
    </message>
    <message>
        <source>exec needs a byte stream (pipe, fifo, unix_stream, tcp)</source>
        <translation>exec 需要字节流（pipe、fifo、unix_stream、tcp）</translation>
    </message>
    <message>
        <source>this action is not available in this version</source>
        <translation>这个版本还不支持这个动作</translation>
    </message>
    <message>
        <source>interrupted by a signal</source>
        <translation>被信号打断</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>sem_trywait: the count is 0, not acquired</source>
        <translation>sem_trywait：计数为 0，没有获得</translation>
    </message>
    <message>
        <source>the previous owner died holding it; made consistent</source>
        <translation>上一个持有者持锁时死亡；已恢复为一致状态</translation>
    </message>
    <message>
        <source>lost update: the cell changed after this process loaded it</source>
        <translation>更新丢失：本进程读取之后，这个单元已被改动</translation>
    </message>
    <message>
        <source>could not open the object</source>
        <translation>无法打开该对象</translation>
    </message>
    <message>
        <source>%1 actions</source>
        <translation>%1 个动作</translation>
    </message>
    <message>
        <source>%1 to %2 (pid %3)</source>
        <translation>%1 发给 %2（pid %3）</translation>
    </message>
    <message>
        <source>%1 from pid %2</source>
        <translation>%1 来自 pid %2</translation>
    </message>
    <message>
        <source>%1 caught by the handler</source>
        <translation>%1 被信号处理函数捕获</translation>
    </message>
    <message>
        <source>kernel: %1</source>
        <translation>内核：%1</translation>
    </message>
    <message>
        <source>shared memory: %1</source>
        <translation>共享内存：%1</translation>
    </message>
    <message>
        <source>read cell %1</source>
        <translation>读单元 %1</translation>
    </message>
    <message>
        <source>write cell %1</source>
        <translation>写单元 %1</translation>
    </message>
    <message>
        <source>add cell %1</source>
        <translation>加到单元 %1</translation>
    </message>
    <message>
        <source>load cell %1</source>
        <translation>载入单元 %1</translation>
    </message>
    <message>
        <source>compute cell %1</source>
        <translation>计算单元 %1</translation>
    </message>
    <message>
        <source>store cell %1</source>
        <translation>存回单元 %1</translation>
    </message>
    <message>
        <source>%1 runs as pid %2</source>
        <translation>%1 以 pid %2 运行</translation>
    </message>
    <message>
        <source>%1 exited with code %2</source>
        <translation>%1 已退出，退出码 %2</translation>
    </message>
    <message>
        <source>%1 was killed by %2</source>
        <translation>%1 被 %2 终止</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <source>exit code %1, stopped by the session before action %2 of %3</source>
        <translation>退出码 %1，会话在第 %2 个动作（共 %3 个）之前结束了它</translation>
    </message>
    <message>
        <source>killed by %1</source>
        <translation>被 %1 终止</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>what failed: the errno</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>kernel: FIONREAD bytes</source>
        <translation>内核：FIONREAD 字节数</translation>
    </message>
    <message>
        <source>%1 waits for a signal</source>
        <translation>%1 在等待信号</translation>
    </message>
    <message>
        <source>%1, held by %2</source>
        <translation>%1，它被 %2 持有</translation>
    </message>
    <message>
        <source>%1 (count %2)</source>
        <translation>%1（计数 %2）</translation>
    </message>
    <message>
        <source>every process is blocked and none can release another: %1</source>
        <translation>所有进程都已阻塞，谁也无法让别人继续：%1</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between the processes of a deadlock</comment>
        <translation>；</translation>
    </message>
    <message>
        <source>%1 waits on %2 &apos;%3&apos;</source>
        <translation>%1 在%2“%3”上等待</translation>
    </message>
    <message>
        <source>the channel is switching mechanism</source>
        <translation>通道正在切换机制</translation>
    </message>
    <message>
        <source>lost update: loaded %1, but the cell held %2 when this process stored %3 over it</source>
        <translation>更新丢失：本进程读到的是 %1，但它写回 %3 时，该单元已是 %2，别人的更新被覆盖了</translation>
    </message>
    <message>
        <source>%1[%2] ended at %3, but the updates made add up to %4: %5 lost</source>
        <translation>%1[%2] 最终为 %3，而各次更新加起来应为 %4：丢失了 %5 次更新</translation>
    </message>
    <message>
        <source>starving: %1 has waited on %2 while others got it %3 times</source>
        <translation>饥饿：%1 一直在等待 %2，其间别人已经 %3 次先得到了它</translation>
    </message>
    <message>
        <source>%1 waits for %2 held by %3</source>
        <comment>the first link of a deadlock cycle</comment>
        <translation>%1 等待 %3 持有的 %2</translation>
    </message>
    <message>
        <source>, then %1 waits for %2 held by %3</source>
        <comment>a later link of a deadlock cycle: %1 held the object before</comment>
        <translation>，%1 又等待 %3 持有的 %2</translation>
    </message>
    <message>
        <source>semop IPC_NOWAIT: the count is 0, not acquired</source>
        <translation>semop IPC_NOWAIT：计数为 0，没有获得</translation>
    </message>
    <message>
        <source>semop failed</source>
        <translation>semop 失败</translation>
    </message>
    <message>
        <source>unlock of an rwlock this process does not hold</source>
        <translation>解锁了一个本进程并未持有的读写锁</translation>
    </message>
    <message>
        <source>this process already holds the rwlock for writing</source>
        <translation>本进程已经以写方式持有这个读写锁</translation>
    </message>
    <message>
        <source>the rwlock could not be locked</source>
        <translation>无法给读写锁加锁</translation>
    </message>
    <message>
        <source>pthread_rwlock_unlock failed</source>
        <translation>pthread_rwlock_unlock 失败</translation>
    </message>
    <message>
        <source>the file is not open</source>
        <translation>文件没有打开</translation>
    </message>
    <message>
        <source>the unlock failed</source>
        <translation>解锁失败</translation>
    </message>
    <message>
        <source>the file lock failed</source>
        <translation>文件加锁失败</translation>
    </message>
    <message>
        <source>the kernel refused: waiting would close a lock cycle (deadlock)</source>
        <translation>内核拒绝了：若再等待就会形成加锁的环（死锁）</translation>
    </message>
    <message>
        <source>EOWNERDEAD: the owner died holding it; call pthread_mutex_consistent</source>
        <translation>EOWNERDEAD：持有者在持锁时死亡；请调用 pthread_mutex_consistent</translation>
    </message>
    <message>
        <source>pthread_mutex_consistent: the mutex is usable again</source>
        <translation>pthread_mutex_consistent：互斥量又可以使用了</translation>
    </message>
    <message>
        <source>unlocked without pthread_mutex_consistent: now ENOTRECOVERABLE</source>
        <translation>未调用 pthread_mutex_consistent 就解锁：互斥量从此 ENOTRECOVERABLE（不可恢复）</translation>
    </message>
    <message>
        <source>exits holding it: the next locker gets EOWNERDEAD</source>
        <translation>持锁退出：下一个加锁者将得到 EOWNERDEAD</translation>
    </message>
    <message>
        <source>exits holding it: not robust, so never released; waiters wait for ever</source>
        <translation>持锁退出：互斥量不是健壮的，永远不会被释放；等待者将永远等待</translation>
    </message>
    <message>
        <source>pthread_cond_wait releases the mutex while it waits</source>
        <translation>pthread_cond_wait 在等待期间释放互斥量</translation>
    </message>
    <message>
        <source>pthread_cond_wait woke up and locked the mutex again</source>
        <translation>pthread_cond_wait 被唤醒，并重新锁住了互斥量</translation>
    </message>
    <message>
        <source>EOWNERDEAD: woke up, and the mutex&apos;s owner had died holding it</source>
        <translation>EOWNERDEAD：被唤醒时，互斥量的持有者已在持锁时死亡</translation>
    </message>
    <message>
        <source>pthread_cond_signal: wakes one waiter</source>
        <translation>pthread_cond_signal：唤醒一个等待者</translation>
    </message>
    <message>
        <source>pthread_cond_broadcast: wakes every waiter</source>
        <translation>pthread_cond_broadcast：唤醒所有等待者</translation>
    </message>
    <message>
        <source>set: wakes one waiter, whose wait resets it (auto reset)</source>
        <translation>置位：唤醒一个等待者，它的等待会把事件复位（自动复位）</translation>
    </message>
    <message>
        <source>set: wakes every waiter; it stays set until reset (manual reset)</source>
        <translation>置位：唤醒所有等待者；事件保持置位，直到被复位（手动复位）</translation>
    </message>
    <message>
        <source>the event was set: passed, and reset it (auto reset)</source>
        <translation>事件已置位：通过，并把它复位（自动复位）</translation>
    </message>
    <message>
        <source>the event is set: passed (manual reset: it stays set)</source>
        <translation>事件已置位：通过（手动复位：事件保持置位）</translation>
    </message>
    <message>
        <source>ENOTRECOVERABLE: unlocked after its owner died, never made consistent</source>
        <translation>ENOTRECOVERABLE：持有者死亡后未恢复一致就被解锁，互斥量不可再用</translation>
    </message>
    <message>
        <source>EDEADLK: this process already holds the mutex</source>
        <translation>EDEADLK：本进程已经持有这个互斥量</translation>
    </message>
    <message>
        <source>pthread_mutex_consistent: not robust, or its owner did not die</source>
        <translation>pthread_mutex_consistent：互斥量不是健壮的，或者它的持有者并没有死亡</translation>
    </message>
    <message>
        <source>pthread_cond_wait needs the mutex locked by this process first</source>
        <translation>pthread_cond_wait 要求本进程先锁住互斥量</translation>
    </message>
    <message>
        <source>pthread_mutex_consistent failed</source>
        <translation>pthread_mutex_consistent 失败</translation>
    </message>
    <message>
        <source>pthread_cond_signal failed</source>
        <translation>pthread_cond_signal 失败</translation>
    </message>
    <message>
        <source>pthread_cond_broadcast failed</source>
        <translation>pthread_cond_broadcast 失败</translation>
    </message>
    <message>
        <source>pthread_barrier_wait failed</source>
        <translation>pthread_barrier_wait 失败</translation>
    </message>
    <message>
        <source>arrived last: the barrier opens</source>
        <translation>最后一个到达：屏障打开</translation>
    </message>
    <message>
        <source>passed: every party has arrived</source>
        <translation>通过：所有参与者都已到达</translation>
    </message>
    <message>
        <source>arrived last: the barrier opens (PTHREAD_BARRIER_SERIAL_THREAD)</source>
        <translation>最后一个到达：屏障打开（PTHREAD_BARRIER_SERIAL_THREAD）</translation>
    </message>
    <message>
        <source>passed: every party has arrived (PTHREAD_BARRIER_SERIAL_THREAD)</source>
        <translation>通过：所有参与者都已到达（PTHREAD_BARRIER_SERIAL_THREAD）</translation>
    </message>
    <message>
        <source>message #%1 (%2 bytes) was split: this read got %3 of its bytes, the rest stays in the channel</source>
        <translation>第 %1 条消息（%2 字节）被拆开了：这次读取只拿到它的 %3 个字节，其余部分还留在通道里</translation>
    </message>
    <message>
        <source>message #%1 (%2 bytes) was split: this read got %3 of its bytes, the rest of it</source>
        <translation>第 %1 条消息（%2 字节）被拆开了：这次读取拿到的是它剩下的 %3 个字节</translation>
    </message>
    <message>
        <source>could not map its private memory</source>
        <translation>无法映射它的私有内存</translation>
    </message>
    <message>
        <source>values arrived changed or out of order: no measure</source>
        <translation>收到的值被改动或顺序错乱：测量作废</translation>
    </message>
    <message>
        <source>pipe failed: no measure</source>
        <translation>pipe 调用失败：未能测量</translation>
    </message>
    <message>
        <source>fork failed: no measure</source>
        <translation>fork 调用失败：未能测量</translation>
    </message>
    <message>
        <source>write failed: no measure</source>
        <translation>write 调用失败：未能测量</translation>
    </message>
    <message>
        <source>read failed: no measure</source>
        <translation>read 调用失败：未能测量</translation>
    </message>
    <message>
        <source>the child that reads runs as pid %1</source>
        <translation>负责读取的子进程以 pid %1 运行</translation>
    </message>
    <message>
        <source>threads sharing memory: %1 values in %2</source>
        <translation>共享内存的线程：%1 个值用时 %2</translation>
    </message>
    <message>
        <source>two processes through a pipe: %1 values in %2</source>
        <translation>两个进程通过管道：%1 个值用时 %2</translation>
    </message>
    <message>
        <source>%1 times the cost</source>
        <translation>代价是 %1 倍</translation>
    </message>
    <message>
        <source>shared memory: slots not read yet</source>
        <translation>共享内存：尚未被读取的槽数</translation>
    </message>
    <message>
        <source>lost: %1 to %2 (pid %3): one was already pending there (ShdPnd), so the kernel merged this one into it</source>
        <translation>丢失：发给 %2（pid %3）的 %1——那里已有一个同样的信号处于待处理状态（ShdPnd），内核把这一个合并进去了</translation>
    </message>
    <message>
        <source>overflow: message #%1 overwrote message #%2 in slot %3 before it was read</source>
        <translation>溢出：消息 #%1 写进了槽 %3，覆盖了还没被读取的消息 #%2</translation>
    </message>
    <message>
        <source>underflow: read slot %1, where nothing was ever written (empty)</source>
        <translation>下溢：读取了槽 %1，可那里从未写入过任何内容（空槽）</translation>
    </message>
    <message>
        <source>underflow: read slot %1, where nothing new was written (stale data: %2)</source>
        <translation>下溢：读取了槽 %1，可那里没有写入新内容（旧数据：%2）</translation>
    </message>
    <message>
        <source>mutual exclusion broken: %1 processes are inside the critical section guarded by %2</source>
        <translation>互斥被破坏：%1 个进程同时处在由 %2 保护的临界区内</translation>
    </message>
    <message>
        <source>end of file</source>
        <translation>文件结束（EOF）</translation>
    </message>
    <message>
        <source>flag set: inside the critical section</source>
        <translation>标志已置位：进入临界区</translation>
    </message>
    <message>
        <source>flag cleared: out of the critical section</source>
        <translation>标志已清零：离开临界区</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a process and what the session found about it</comment>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>EventLogModel</name>
    <message>
        <source>session</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Milliseconds since the session started</source>
        <translation>自会话开始以来的毫秒数</translation>
    </message>
    <message>
        <source>What happened: spawn, step, call, return, block, unblock, send, recv, acquire, release, value, signal, deliver, exit, deadlock, ...</source>
        <translation>发生了什么：spawn（创建）、step（单步）、call（调用）、return（返回）、block（阻塞）、unblock（解除阻塞）、send（发送）、recv（接收）、acquire（获得）、release（释放）、value（数值）、signal（发信号）、deliver（递送）、exit（退出）、deadlock（死锁）……</translation>
    </message>
    <message>
        <source>The message&apos;s sequence number on its channel</source>
        <translation>消息在其通道上的序号</translation>
    </message>
    <message>
        <source>The message text (its first 64 bytes) or the value</source>
        <translation>消息文本（前 64 字节）或数值</translation>
    </message>
    <message>
        <source>Time (ms)</source>
        <translation>时间（毫秒）</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Msg</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>Data / value</source>
        <translation>数据 / 数值</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>end of file (0 bytes: the other end is closed)</source>
        <translation>文件结束（读到 0 字节：另一端已关闭）</translation>
    </message>
</context>
<context>
    <name>EventLogPanel</name>
    <message>
        <source>Filter: words to find in any column, e.g. “producer send” or “block”</source>
        <translation>过滤：输入要在任意列中查找的词，例如“producer send”或“block”</translation>
    </message>
    <message>
        <source>Shows only the events whose row contains every word you type</source>
        <translation>只显示整行包含你输入的每个词的事件</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 个事件</translation>
    </message>
    <message>
        <source>%1 of %2 events</source>
        <translation>%1 / %2 个事件</translation>
    </message>
    <message>
        <source>showing the last %1 of %2 events</source>
        <translation>显示 %2 个事件中的最后 %1 个</translation>
    </message>
    <message>
        <source>%1 of the last %2 of %3 events</source>
        <translation>%3 个事件的最后 %2 个中的 %1 个</translation>
    </message>
</context>
<context>
    <name>KernelPanel</name>
    <message>
        <source>%1 on %2</source>
        <translation>%1于 %2</translation>
    </message>
    <message>
        <source>no such process</source>
        <translation>没有这个进程</translation>
    </message>
    <message>
        <source>The events say the process lives, the kernel says it is gone.</source>
        <translation>事件显示进程还活着，内核却说它已不存在。</translation>
    </message>
    <message>
        <source>The events say it ended, but the kernel still runs it.</source>
        <translation>事件显示它已结束，但内核仍在运行它。</translation>
    </message>
    <message>
        <source>The events say blocked, but the kernel has it runnable: it is on its way into the call, or was just woken.</source>
        <translation>事件显示它被阻塞，但内核认为它可运行：它正在进入调用，或者刚被唤醒。</translation>
    </message>
    <message>
        <source>The events say it waits at its gate, but the kernel has it runnable: it is on its way there.</source>
        <translation>事件显示它在闸门处等待，但内核认为它可运行：它正在去闸门的路上。</translation>
    </message>
    <message>
        <source>≠ differs</source>
        <translation>≠ 不同</translation>
    </message>
    <message>
        <source>✓ same</source>
        <translation>✓ 一致</translation>
    </message>
    <message>
        <source>The events and the kernel agree.</source>
        <translation>事件与内核的说法一致。</translation>
    </message>
    <message>
        <source>held by %1</source>
        <translation>由 %1 持有</translation>
    </message>
    <message>
        <source>free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>locked by tid %1</source>
        <translation>被线程 %1 锁住</translation>
    </message>
    <message>
        <source>the lock word</source>
        <translation>锁字</translation>
    </message>
    <message>
        <source>The owner the events name is not the thread id in the lock word.</source>
        <translation>事件给出的持有者与锁字中的线程号不一致。</translation>
    </message>
    <message>
        <source>the mapping itself</source>
        <translation>映射本身</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>%1 messages</source>
        <translation>%1 条消息</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>The kernel&apos;s number is not yet what the events say: a call is under way.</source>
        <translation>内核的数值还没有跟上事件：有一个调用正在进行。</translation>
    </message>
    <message>
        <source>(waiting: %1)</source>
        <translation>（等待者：%1）</translation>
    </message>
    <message>
        <source>Read from /proc/%1/stat, /proc/%1/syscall, /proc/%1/wchan and /proc/%1/status</source>
        <translation>读自 /proc/%1/stat、/proc/%1/syscall、/proc/%1/wchan 和 /proc/%1/status</translation>
    </message>
    <message>
        <source>Processes: the events say / the kernel says</source>
        <translation>进程：事件所示 / 内核所示</translation>
    </message>
    <message>
        <source>IPC objects: the events say / the kernel says</source>
        <translation>IPC 对象：事件所示 / 内核所示</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>Agree?</source>
        <translation>一致？</translation>
    </message>
    <message>
        <source>Events say</source>
        <translation>事件所示</translation>
    </message>
    <message>
        <source>Kernel state</source>
        <translation>内核状态</translation>
    </message>
    <message>
        <source>System call</source>
        <translation>系统调用</translation>
    </message>
    <message>
        <source>wchan</source>
        <translation>等待点 (wchan)</translation>
    </message>
    <message>
        <source>Pending signals</source>
        <translation>未决信号</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Kernel says</source>
        <translation>内核所示</translation>
    </message>
    <message>
        <source>Asked with</source>
        <translation>查询方式</translation>
    </message>
    <message>
        <source>1 byte</source>
        <translation>1 字节</translation>
    </message>
    <message>
        <source>1 message</source>
        <translation>1 条消息</translation>
    </message>
    <message>
        <source>the ring&apos;s count in the mapping</source>
        <translation>映射中环形缓冲区的计数</translation>
    </message>
</context>
<context>
    <name>LessonAskBox</name>
    <message>
        <source>✓ Right</source>
        <translation>✓ 回答正确</translation>
    </message>
    <message>
        <source>✗ Not that one</source>
        <translation>✗ 不对</translation>
    </message>
    <message>
        <source>(the lesson&apos;s answer)</source>
        <translation>（以课程给定的答案为准）</translation>
    </message>
    <message>
        <source>What the real processes show: %1</source>
        <translation>真实进程显示：%1</translation>
    </message>
    <message>
        <source>The right answer: %1</source>
        <translation>正确答案：%1</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Your answer:</source>
        <translation>你的答案：</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>填一个整数</translation>
    </message>
    <message>
        <source>Check carries out the next step and compares your answer with what the real processes do.</source>
        <translation>点“检查”会执行下一步，再把你的答案与真实进程的实际表现相对照。</translation>
    </message>
    <message>
        <source>Check compares your answer with the real processes as they are now.</source>
        <translation>点“检查”会把你的答案与真实进程此刻的状态相对照。</translation>
    </message>
    <message>
        <source>Not answered: the lesson went on.</source>
        <translation>未作答：课程已经继续往下进行。</translation>
    </message>
</context>
<context>
    <name>LessonCatalog</name>
    <message>
        <source>Message passing</source>
        <translation>消息传递</translation>
    </message>
    <message>
        <source>Synchronization</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Shared memory</source>
        <translation>共享内存</translation>
    </message>
    <message>
        <source>Remote procedure call</source>
        <translation>远程过程调用</translation>
    </message>
</context>
<context>
    <name>LessonCheckText</name>
    <message>
        <source>blocked on %1</source>
        <translation>阻塞于 %1</translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>expected %1 to be blocked, but it is %2</source>
        <translation>预期 %1 处于阻塞，但它现在是：%2</translation>
    </message>
    <message>
        <source>expected %1 to be still running, but it is %2</source>
        <translation>预期 %1 仍在运行，但它现在是：%2</translation>
    </message>
    <message>
        <source>expected %1 to have finished, but it is %2</source>
        <translation>预期 %1 已结束，但它现在是：%2</translation>
    </message>
    <message>
        <source>1 byte</source>
        <translation>1 字节</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>1 message</source>
        <translation>1 条消息</translation>
    </message>
    <message>
        <source>%1 messages</source>
        <translation>%1 条消息</translation>
    </message>
    <message>
        <source>expected %1 to be %2, but it is %3</source>
        <translation>预期 %1 为 %2，但实际是 %3</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>held by %1</source>
        <translation>由 %1 持有</translation>
    </message>
    <message>
        <source>no process could take a step</source>
        <translation>没有任何进程能执行一步</translation>
    </message>
    <message>
        <source>a step of %1 did not settle within 5 s</source>
        <translation>%1 的一步在 5 秒内没有完成</translation>
    </message>
    <message>
        <source>could not step %1: it is blocked: only another process&apos;s step can release it</source>
        <translation>无法让 %1 执行一步：它处于阻塞状态，只有另一个进程的一步才能让它继续</translation>
    </message>
    <message>
        <source>could not step %1: it has finished</source>
        <translation>无法让 %1 执行一步：它已经结束</translation>
    </message>
    <message>
        <source>could not step %1: it is not at its step gate yet</source>
        <translation>无法让 %1 执行一步：它还没有回到闸门处</translation>
    </message>
    <message>
        <source>could not step %1: there is no such process</source>
        <translation>无法让 %1 执行一步：没有这个进程</translation>
    </message>
    <message>
        <source>could not step %1: the session is running freely; pause it first</source>
        <translation>无法让 %1 执行一步：会话正在自由运行，请先暂停</translation>
    </message>
    <message>
        <source>the switch of %1 did not settle within 5 s</source>
        <translation>%1 的机制切换在 5 秒内没有完成</translation>
    </message>
    <message>
        <source>a deadlock was detected</source>
        <translation>检测到了死锁</translation>
    </message>
    <message>
        <source>no deadlock</source>
        <translation>没有死锁</translation>
    </message>
    <message>
        <source>expected a deadlock, but none was detected</source>
        <translation>预期出现死锁，但没有检测到</translation>
    </message>
    <message>
        <source>expected no deadlock, but one was detected</source>
        <translation>预期没有死锁，但检测到了死锁</translation>
    </message>
    <message>
        <source>expected %1, but none happened</source>
        <translation>预期会出现%1，但并未发生</translation>
    </message>
    <message>
        <source>%1 holds %2</source>
        <translation>%1 中为 %2</translation>
    </message>
    <message>
        <source>expected %1 to hold %2, but it holds %3</source>
        <translation>预期 %1 中为 %2，实际为 %3</translation>
    </message>
    <message>
        <source>nothing</source>
        <comment>a channel holds no message</comment>
        <translation>没有消息</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the messages of a channel</comment>
        <translation>，</translation>
    </message>
    <message>
        <source>a lost update</source>
        <translation>丢失更新</translation>
    </message>
    <message>
        <source>two processes inside one critical section</source>
        <translation>两个进程同时进入同一临界区</translation>
    </message>
    <message>
        <source>a deadlock</source>
        <translation>死锁</translation>
    </message>
    <message>
        <source>a starving process</source>
        <translation>进程饥饿</translation>
    </message>
    <message>
        <source>a split message</source>
        <translation>消息被拆开</translation>
    </message>
    <message>
        <source>a lost signal</source>
        <translation>信号丢失</translation>
    </message>
    <message>
        <source>a buffer overrun</source>
        <translation>缓冲区越界读写</translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <comment>a question&apos;s object and its real value</comment>
        <translation>%1 的值是 %2</translation>
    </message>
    <message>
        <source>(the lesson&apos;s answer)</source>
        <translation>（以课程给定的答案为准）</translation>
    </message>
    <message>
        <source>none of the choices describes what happened</source>
        <translation>没有一个选项与实际发生的情况相符</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between the facts that decided a question</comment>
        <translation>；</translation>
    </message>
    <message>
        <source>%1&apos;s %2 is %3</source>
        <translation>%1 的 %2 是 %3</translation>
    </message>
    <message>
        <source>expected %1&apos;s %2 to be %3, but it is %4</source>
        <translation>预期 %1 的 %2 是 %3，实际是 %4</translation>
    </message>
    <message>
        <source>%1 is %2, at least %3</source>
        <translation>%1 是 %2，不小于 %3</translation>
    </message>
    <message>
        <source>expected %1 to be at least %2, but it is %3</source>
        <translation>预期 %1 至少是 %2，实际是 %3</translation>
    </message>
    <message>
        <source>a read of an empty slot</source>
        <translation>缓冲区下溢（读了空槽）</translation>
    </message>
    <message>
        <source>%1 got %2</source>
        <comment>a signal was delivered to a process</comment>
        <translation>%1 收到了 %2</translation>
    </message>
    <message>
        <source>expected %1 to get %2, but it has not</source>
        <translation>预期 %1 收到 %2，但它没有收到</translation>
    </message>
    <message>
        <source>%1&apos;s %2() failed with %3</source>
        <translation>%1 的 %2() 以 %3 失败</translation>
    </message>
    <message>
        <source>expected %1&apos;s %2() to fail with %3, but it has not</source>
        <translation>预期 %1 的 %2() 以 %3 失败，但并没有</translation>
    </message>
    <message>
        <source>%1 called %2()</source>
        <translation>%1 调用了 %2()</translation>
    </message>
    <message>
        <source>expected %1 to call %2(), but it has not</source>
        <translation>预期 %1 调用 %2()，但它没有调用</translation>
    </message>
    <message>
        <source>could not kill %1: it has already finished</source>
        <translation>无法杀死 %1：它已经结束</translation>
    </message>
    <message>
        <source>could not kill %1: there is no such process</source>
        <translation>无法杀死 %1：没有这个进程</translation>
    </message>
    <message>
        <source>could not kill %1: its death was not seen within 5 s</source>
        <translation>无法确认 %1 已被杀死：5 秒内没有看到它死亡</translation>
    </message>
    <message>
        <source>could not kill %1: the kernel refused the signal</source>
        <translation>无法杀死 %1：内核拒绝发送该信号</translation>
    </message>
    <message>
        <source>the processes did not all block or finish within %1 actions</source>
        <translation>在 %1 个动作之内，进程没有全部阻塞或结束</translation>
    </message>
    <message>
        <source>%1 did not block or finish within %2 actions</source>
        <translation>%1 在 %2 个动作之内既没有阻塞也没有结束</translation>
    </message>
    <message>
        <source>the processes did not all block or finish within %1 s</source>
        <translation>在 %1 秒之内，进程没有全部阻塞或结束</translation>
    </message>
    <message>
        <source>%1 did not block or finish within %2 s</source>
        <translation>%1 在 %2 秒之内既没有阻塞也没有结束</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>No lesson is running: press Reset to start it again.</source>
        <translation>没有正在运行的课程：按“重置”重新开始。</translation>
    </message>
    <message>
        <source>This scenario has no guided lesson: step the processes yourself, or run them.</source>
        <translation>这个场景没有引导课程：请自己单步执行各进程，或让它们运行。</translation>
    </message>
    <message>
        <source>Open a lesson to begin.</source>
        <translation>打开一门课程开始学习。</translation>
    </message>
    <message>
        <source>The processes are starting…</source>
        <translation>进程正在启动…</translation>
    </message>
    <message>
        <source>The processes carry out this step…</source>
        <translation>进程正在执行这一步…</translation>
    </message>
    <message>
        <source>&lt;b&gt;End of the lesson.&lt;/b&gt;</source>
        <translation>&lt;b&gt;本课结束。&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Challenge:</source>
        <translation>挑战：</translation>
    </message>
    <message>
        <source>Next ▸</source>
        <translation>下一步 ▸</translation>
    </message>
    <message>
        <source>Carry out the next lesson step and check what it expects</source>
        <translation>执行课程的下一步，并检查它预期的结果</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Start the processes again and go back to step 1</source>
        <translation>重新启动进程，回到第 1 步</translation>
    </message>
    <message>
        <source>&lt;b&gt;Checked against the real processes:&lt;/b&gt;</source>
        <translation>&lt;b&gt;对照真实进程的检查结果：&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Your prediction: %1</source>
        <translation>你的预测：%1</translation>
    </message>
    <message>
        <source>Starting fresh processes to replay the steps before this one…</source>
        <translation>正在启动新的进程，以重放这一步之前的各步……</translation>
    </message>
    <message>
        <source>Replaying step %1 of %2…</source>
        <translation>正在重放第 %1 步（共 %2 步）……</translation>
    </message>
    <message>
        <source>Asking the real processes…</source>
        <translation>正在向真实进程求证……</translation>
    </message>
    <message>
        <source>The processes carry out the next step…</source>
        <translation>各进程正在执行下一步……</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the processes&apos; pids</comment>
        <translation>，</translation>
    </message>
    <message>
        <source>Went back by replaying step 1 on fresh processes: real processes cannot run backwards. New pids: %1.</source>
        <translation>已在新启动的进程上重放第 1 步，从而回到这里：真实的进程无法倒退运行。新的进程号：%1。</translation>
    </message>
    <message>
        <source>Went back by replaying steps 1–%1 on fresh processes: real processes cannot run backwards. New pids: %2.</source>
        <translation>已在新启动的进程上重放第 1–%1 步，从而回到这里：真实的进程无法倒退运行。新的进程号：%2。</translation>
    </message>
    <message>
        <source>◂ Back</source>
        <translation>◂ 后退</translation>
    </message>
    <message>
        <source>Go back one step: the processes start again and the steps before it are replayed (real processes cannot run backwards)</source>
        <translation>后退一步：进程重新启动，并重放这一步之前的各步（真实的进程无法倒退运行）</translation>
    </message>
    <message>
        <source>This is a challenge: play it in the Challenge tab, where you pick which process takes each step.</source>
        <translation>这是一个挑战：请到“挑战”标签页中进行，由你来选择每一步让哪个进程执行。</translation>
    </message>
    <message>
        <source>Try it yourself:</source>
        <translation>动手试一试：</translation>
    </message>
    <message>
        <source>Start it in the Challenge tab.</source>
        <translation>到“挑战”标签页中开始。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The translation for “%1” is missing; showing English.</source>
        <translation>缺少“%1”的翻译，改为显示英文。</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>Every row is a real process: ps -p PID shows it</source>
        <translation>每一行都是一个真实的进程：ps -p PID 可以看到它</translation>
    </message>
    <message>
        <source>IPC objects</source>
        <translation>IPC 对象</translation>
    </message>
    <message>
        <source>The kernel objects the processes share, as their events say and as the kernel says</source>
        <translation>进程共享的内核对象：分别列出进程事件所反映的状态和内核报告的状态</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>事件日志</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Lesson:</source>
        <translation>课程：</translation>
    </message>
    <message>
        <source>The lessons that come with IPC Lab, by topic</source>
        <translation>IPC 实验室自带的课程，按主题分组</translation>
    </message>
    <message>
        <source>IPC Lab</source>
        <translation>IPC 实验室</translation>
    </message>
    <message>
        <source>“%1” cannot be opened; nothing was changed.</source>
        <translation>无法打开“%1”，没有做任何更改。</translation>
    </message>
    <message>
        <source>… and %1 more in the Problems panel.</source>
        <translation>……另外还有 %1 个问题，见“问题”面板。</translation>
    </message>
    <message>
        <source>Show all problems</source>
        <translation>显示全部问题</translation>
    </message>
    <message>
        <source>Open a lesson file</source>
        <translation>打开课程文件</translation>
    </message>
    <message>
        <source>Lesson files (*.yaml *.yml);;All files (*)</source>
        <translation>课程文件 (*.yaml *.yml);;所有文件 (*)</translation>
    </message>
    <message>
        <source>About IPC Lab</source>
        <translation>关于 IPC 实验室</translation>
    </message>
    <message>
        <source>&lt;h3&gt;IPC Lab %1&lt;/h3&gt;&lt;p&gt;A teaching simulator for inter-process communication and synchronization on Linux.&lt;/p&gt;&lt;p&gt;Every process you see is a real process, every message goes through a real pipe, queue, socket or shared-memory region, and every semaphore is a real kernel object. What the window shows comes from the processes&apos; own events and from the kernel.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;IPC 实验室 %1&lt;/h3&gt;&lt;p&gt;一个讲解 Linux 进程间通信与同步的教学模拟器。&lt;/p&gt;&lt;p&gt;你看到的每个进程都是真实的进程，每条消息都经过真实的管道、消息队列、套接字或共享内存区域，每个信号量都是真实的内核对象。窗口里显示的一切都来自进程自己报告的事件和内核。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Diagram</source>
        <translation>示意图</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>“%1” now runs on %2; the processes kept their pids and the messages in flight were carried over.</source>
        <translation>“%1”现在运行在 %2 上；各进程的 pid 不变，在途消息已全部转移过去。</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss this message</source>
        <translation>关闭这条消息</translation>
    </message>
</context>
<context>
    <name>MutexNode</name>
    <message>
        <source>owner:</source>
        <translation>持有者：</translation>
    </message>
    <message>
        <source>free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>waiting:</source>
        <translation>等待：</translation>
    </message>
    <message>
        <source>nobody waits</source>
        <translation>无人等待</translation>
    </message>
    <message>
        <source>owner died</source>
        <translation>持有者已终止</translation>
    </message>
</context>
<context>
    <name>ObjectNode</name>
    <message>
        <source>1 byte</source>
        <translation>1 字节</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>1 message</source>
        <translation>1 条消息</translation>
    </message>
    <message>
        <source>%1 messages</source>
        <translation>%1 条消息</translation>
    </message>
</context>
<context>
    <name>ObjectTableModel</name>
    <message>
        <source>channel over %1</source>
        <translation>通道（基于 %1）</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>%1 messages</source>
        <translation>%1 条消息</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>已加锁</translation>
    </message>
    <message>
        <source>unlocked</source>
        <translation>未加锁</translation>
    </message>
    <message>
        <source>locked by tid %1</source>
        <translation>被线程 %1 锁住</translation>
    </message>
    <message>
        <source>What the processes&apos; own events say: bytes or messages in the channel, the semaphore&apos;s count, whether the mutex is locked</source>
        <translation>进程自己报告的事件所反映的状态：通道中的字节数或消息数、信号量的计数、互斥锁是否已加锁</translation>
    </message>
    <message>
        <source>What the kernel reports now: FIONREAD, mq_getattr, sem_getvalue, the mutex&apos;s lock word</source>
        <translation>内核此刻报告的状态：FIONREAD、mq_getattr、sem_getvalue、互斥锁的锁字</translation>
    </message>
    <message>
        <source>The process holding the mutex</source>
        <translation>持有该互斥锁的进程</translation>
    </message>
    <message>
        <source>Processes blocked on this object, in the order they blocked</source>
        <translation>阻塞在该对象上的进程，按阻塞的先后顺序排列</translation>
    </message>
    <message>
        <source>The shared-memory cells, read from the mapping itself</source>
        <translation>共享内存单元，直接从映射区读取</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Mechanism</source>
        <translation>机制</translation>
    </message>
    <message>
        <source>Events say</source>
        <translation>事件所示</translation>
    </message>
    <message>
        <source>Kernel says</source>
        <translation>内核所示</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>持有者</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待者</translation>
    </message>
    <message>
        <source>Cells</source>
        <translation>单元</translation>
    </message>
</context>
<context>
    <name>OpText</name>
    <message>
        <source>send &quot;%1&quot; to %2</source>
        <translation>把“%1”发送到 %2</translation>
    </message>
    <message>
        <source>receive from %1</source>
        <translation>从 %1 接收</translation>
    </message>
    <message>
        <source>wait on %1</source>
        <translation>等待 %1</translation>
    </message>
    <message>
        <source>post %1</source>
        <translation>释放 %1</translation>
    </message>
    <message>
        <source>try to wait on %1</source>
        <translation>尝试等待 %1</translation>
    </message>
    <message>
        <source>lock %1</source>
        <translation>加锁 %1</translation>
    </message>
    <message>
        <source>unlock %1</source>
        <translation>解锁 %1</translation>
    </message>
    <message>
        <source>try to lock %1</source>
        <translation>尝试加锁 %1</translation>
    </message>
    <message>
        <source>read %1</source>
        <translation>读取 %1</translation>
    </message>
    <message>
        <source>write %1 to %2</source>
        <translation>把 %1 写入 %2</translation>
    </message>
    <message>
        <source>add %1 to %2</source>
        <translation>给 %2 加上 %1</translation>
    </message>
    <message>
        <source>load %1</source>
        <translation>载入 %1</translation>
    </message>
    <message>
        <source>compute reg + %1</source>
        <translation>计算 reg + %1</translation>
    </message>
    <message>
        <source>store reg to %1</source>
        <translation>把 reg 存回 %1</translation>
    </message>
    <message>
        <source>send %1 to %2</source>
        <translation>向 %2 发送 %1</translation>
    </message>
    <message>
        <source>wait for %1</source>
        <translation>等待信号 %1</translation>
    </message>
    <message>
        <source>install a handler for %1</source>
        <translation>为 %1 安装处理函数</translation>
    </message>
    <message>
        <source>sleep %1 ms</source>
        <translation>睡眠 %1 毫秒</translation>
    </message>
    <message>
        <source>compute for %1 ms</source>
        <translation>计算 %1 毫秒</translation>
    </message>
    <message>
        <source>print &quot;%1&quot;</source>
        <translation>打印“%1”</translation>
    </message>
    <message>
        <source>exit with code %1</source>
        <translation>以退出码 %1 退出</translation>
    </message>
    <message>
        <source>run %1 &lt; %2 &gt; %3</source>
        <translation>运行 %1 &lt; %2 &gt; %3</translation>
    </message>
    <message>
        <source>run %1 &lt; %2</source>
        <translation>运行 %1 &lt; %2</translation>
    </message>
    <message>
        <source>run %1 &gt; %2</source>
        <translation>运行 %1 &gt; %2</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <source>%1 (not available yet)</source>
        <translation>%1（尚不可用）</translation>
    </message>
    <message>
        <source>call %1: %2</source>
        <translation>调用 %1：%2</translation>
    </message>
    <message>
        <source>serve one call on %1</source>
        <translation>在 %1 上处理一次调用</translation>
    </message>
    <message>
        <source>make %1 consistent</source>
        <translation>将 %1 标记为一致</translation>
    </message>
    <message>
        <source>lock %1 for reading</source>
        <translation>为读加锁 %1</translation>
    </message>
    <message>
        <source>lock %1 for writing</source>
        <translation>为写加锁 %1</translation>
    </message>
    <message>
        <source>wait on %1 (releasing %2)</source>
        <translation>在 %1 上等待（释放 %2）</translation>
    </message>
    <message>
        <source>signal %1</source>
        <translation>唤醒 %1 上的一个等待者</translation>
    </message>
    <message>
        <source>broadcast %1</source>
        <translation>唤醒 %1 上的所有等待者</translation>
    </message>
    <message>
        <source>lock %1 (shared)</source>
        <translation>给 %1 加共享锁</translation>
    </message>
    <message>
        <source>lock %1 (exclusive)</source>
        <translation>给 %1 加独占锁</translation>
    </message>
    <message>
        <source>set %1</source>
        <translation>置位事件 %1</translation>
    </message>
    <message>
        <source>reset %1</source>
        <translation>复位事件 %1</translation>
    </message>
    <message>
        <source>wait at %1</source>
        <translation>在屏障 %1 处等待</translation>
    </message>
    <message>
        <source>lock bytes %1 to the end of %2 (shared)</source>
        <translation>给 %2 从第 %1 字节到文件末尾加共享锁</translation>
    </message>
    <message>
        <source>lock bytes %1 to the end of %2 (exclusive)</source>
        <translation>给 %2 从第 %1 字节到文件末尾加独占锁</translation>
    </message>
    <message>
        <source>lock bytes %1-%2 of %3 (shared)</source>
        <translation>给 %3 的第 %1-%2 字节加共享锁</translation>
    </message>
    <message>
        <source>lock bytes %1-%2 of %3 (exclusive)</source>
        <translation>给 %3 的第 %1-%2 字节加独占锁</translation>
    </message>
    <message>
        <source>measure %1 values: threads, then a pipe (into %2)</source>
        <translation>测量传递 %1 个值：先用线程，再用管道（结果存入 %2）</translation>
    </message>
    <message>
        <source>measure %1 values: threads, then a pipe</source>
        <translation>测量传递 %1 个值：先用线程，再用管道</translation>
    </message>
    <message>
        <source>spin while %1 is not 0</source>
        <comment>a flag lock&apos;s test</comment>
        <translation>当 %1 不为 0 时自旋等待</translation>
    </message>
    <message>
        <source>set %1 to 1: taken</source>
        <comment>a flag lock&apos;s entry</comment>
        <translation>将 %1 置 1：已占用</translation>
    </message>
    <message>
        <source>set %1 to 0: free</source>
        <comment>a flag lock&apos;s exit</comment>
        <translation>将 %1 置 0：已空闲</translation>
    </message>
</context>
<context>
    <name>PanelDocks</name>
    <message>
        <source>Lessons</source>
        <translation>课程列表</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Code: each process&apos;s actions and the C calls behind them</source>
        <translation>代码：每个进程的动作及其背后的 C 调用</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>内核</translation>
    </message>
    <message>
        <source>Challenge</source>
        <translation>挑战</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <source>The system call or library call the process really makes for this action</source>
        <translation>进程为这个动作真正执行的系统调用或库函数调用</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>C call</source>
        <translation>C 调用</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>No problems: the lesson files opened so far are valid.</source>
        <translation>没有问题：目前打开的课程文件都是有效的。</translation>
    </message>
    <message>
        <source>%1 has %2 mistake(s). Fix them and open the file again; nothing was started.</source>
        <translation>%1 中有 %2 处错误。请改正后重新打开该文件；没有启动任何进程。</translation>
    </message>
</context>
<context>
    <name>ProcessNode</name>
    <message>
        <source>blocked on %1</source>
        <translation>阻塞于 %1</translation>
    </message>
    <message>
        <source>blocked, waiting for a signal</source>
        <translation>阻塞，等待信号</translation>
    </message>
    <message>
        <source>finished (exit code %1)</source>
        <translation>已结束（退出码 %1）</translation>
    </message>
    <message>
        <source>killed (signal %1)</source>
        <translation>被杀死（信号 %1）</translation>
    </message>
    <message>
        <source>pid %1</source>
        <translation>pid %1</translation>
    </message>
    <message>
        <source>no more actions</source>
        <translation>没有更多动作</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>deadlocked</source>
        <translation>死锁</translation>
    </message>
    <message>
        <source>In a deadlock: it waits for what another process of the cycle holds, which waits in its turn; none of them can go on.</source>
        <translation>陷入死锁：它在等待环中另一个进程持有的资源，而那个进程又在等待下一个；谁也无法继续。</translation>
    </message>
    <message>
        <source>starving</source>
        <translation>饥饿</translation>
    </message>
    <message>
        <source>Starving: others got %1 %2 times while this process kept waiting for it.</source>
        <translation>饥饿：这个进程一直在等待 %1，其间别人已经 %2 次先得到了它。</translation>
    </message>
</context>
<context>
    <name>ProcessTableModel</name>
    <message>
        <source>%1 on %2 (with timeout)</source>
        <translation>%1于 %2（有超时）</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1于 %2</translation>
    </message>
    <message>
        <source>%1 (exit code %2)</source>
        <translation>%1（退出码 %2）</translation>
    </message>
    <message>
        <source>%1 (signal %2)</source>
        <translation>%1（信号 %2）</translation>
    </message>
    <message>
        <source>done (%1 actions)</source>
        <translation>已完成（共 %1 个动作）</translation>
    </message>
    <message>
        <source>%1   (%2 of %3)</source>
        <translation>%1   （第 %2 / %3 步）</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>已消失</translation>
    </message>
    <message>
        <source>Read from /proc/%1/stat, /proc/%1/syscall and /proc/%1/wchan</source>
        <translation>读自 /proc/%1/stat、/proc/%1/syscall 和 /proc/%1/wchan</translation>
    </message>
    <message>
        <source>The real process id: ps shows the same process</source>
        <translation>真实的进程号：ps 显示的就是这个进程</translation>
    </message>
    <message>
        <source>What the process reports about itself</source>
        <translation>进程对自身状态的报告</translation>
    </message>
    <message>
        <source>The action it is carrying out, or the next one while it waits at its gate</source>
        <translation>它正在执行的动作；在闸门处等待时则是下一个动作</translation>
    </message>
    <message>
        <source>The process state the kernel reports</source>
        <translation>内核报告的进程状态</translation>
    </message>
    <message>
        <source>The system call the process is inside, if any</source>
        <translation>进程当前所在的系统调用（如果有）</translation>
    </message>
    <message>
        <source>The kernel function the process sleeps in (wchan)</source>
        <translation>进程在其中睡眠的内核函数（wchan）</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Current action</source>
        <translation>当前动作</translation>
    </message>
    <message>
        <source>Kernel state</source>
        <translation>内核状态</translation>
    </message>
    <message>
        <source>System call</source>
        <translation>系统调用</translation>
    </message>
    <message>
        <source>Waits in (wchan)</source>
        <translation>等待位置（wchan）</translation>
    </message>
</context>
<context>
    <name>RpcNode</name>
    <message>
        <source>1 call</source>
        <translation>1 次调用</translation>
    </message>
    <message>
        <source>%1 calls</source>
        <translation>%1 次调用</translation>
    </message>
    <message>
        <source>%1 pending</source>
        <translation>%1 次等待回复中</translation>
    </message>
    <message>
        <source>no call yet</source>
        <translation>还没有调用</translation>
    </message>
    <message>
        <source>waiting for the server</source>
        <translation>等待服务器接手</translation>
    </message>
    <message>
        <source>being served by %1</source>
        <translation>%1 正在处理</translation>
    </message>
    <message>
        <source>answered by %1</source>
        <translation>%1 已答复</translation>
    </message>
    <message>
        <source>failed: no reply</source>
        <translation>失败：没有收到回复</translation>
    </message>
    <message>
        <source>called by %1</source>
        <translation>调用者 %1</translation>
    </message>
    <message>
        <source>%1 earlier not shown</source>
        <translation>另有 %1 次较早的调用未显示</translation>
    </message>
    <message>
        <source>failed: no server to call</source>
        <translation>失败：没有可调用的服务器</translation>
    </message>
</context>
<context>
    <name>ScenarioBrowser</name>
    <message>
        <source>Double-click or press Enter to open</source>
        <translation>双击或按回车键打开</translation>
    </message>
    <message>
        <source>no lessons yet</source>
        <translation>暂无课程</translation>
    </message>
    <message>
        <source>Open a Lesson File…</source>
        <translation>打开课程文件…</translation>
    </message>
    <message>
        <source>A lesson written in YAML; mistakes are listed with line and column</source>
        <translation>用 YAML 编写的课程；错误会连同行号和列号一起列出</translation>
    </message>
    <message>
        <source>More lessons</source>
        <translation>更多课程</translation>
    </message>
    <message>
        <source>✓ done</source>
        <translation>✓ 已完成</translation>
    </message>
    <message>
        <source>◐ in progress %1/%2</source>
        <translation>◐ 进行中 %1/%2</translation>
    </message>
    <message>
        <source>◐ in progress: the challenge is left</source>
        <translation>◐ 进行中：还剩挑战</translation>
    </message>
    <message>
        <source>○ not started</source>
        <translation>○ 未开始</translation>
    </message>
    <message>
        <source>★ challenge won in %1 steps (best)</source>
        <translation>★ 挑战：最少 %1 步获胜</translation>
    </message>
    <message>
        <source>★ challenge</source>
        <translation>★ 挑战</translation>
    </message>
    <message>
        <source>%1  (%2/%3 done)</source>
        <translation>%1  （已完成 %2/%3）</translation>
    </message>
</context>
<context>
    <name>ScenarioChooser</name>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Choose a lesson…</source>
        <translation>选择一门课程……</translation>
    </message>
</context>
<context>
    <name>ScenarioHeader</name>
    <message>
        <source>No lesson open</source>
        <translation>尚未打开课程</translation>
    </message>
    <message>
        <source>Choose a lesson in the toolbar, or open a lesson file with File ▸ Open.</source>
        <translation>请在工具栏中选择一门课程，或通过“文件 ▸ 打开”打开课程文件。</translation>
    </message>
</context>
<context>
    <name>ScriptedRun</name>
    <message>
        <source>step %1 did not settle within 5 s</source>
        <translation>第 %1 步在 5 秒内没有完成</translation>
    </message>
    <message>
        <source>could not write the screenshot to %1</source>
        <translation>无法把截图写入 %1</translation>
    </message>
    <message>
        <source>--switch: no channel &apos;%1&apos; or no mechanism &apos;%2&apos; in this lesson</source>
        <translation>--switch：本课中没有通道“%1”，或没有机制“%2”</translation>
    </message>
    <message>
        <source>--lesson-step: this lesson has %1 steps</source>
        <translation>--lesson-step：这一课共有 %1 步</translation>
    </message>
    <message>
        <source>--answer: step %1 has no question to answer</source>
        <translation>--answer：第 %1 步没有可回答的问题</translation>
    </message>
    <message>
        <source>--challenge: this lesson has no challenge</source>
        <translation>--challenge：本课没有挑战</translation>
    </message>
    <message>
        <source>--challenge: %1 cannot take a step now</source>
        <translation>--challenge：%1 现在不能执行一步</translation>
    </message>
</context>
<context>
    <name>SemaphoreNode</name>
    <message>
        <source>count</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>waiting:</source>
        <translation>等待：</translation>
    </message>
    <message>
        <source>nobody waits</source>
        <translation>无人等待</translation>
    </message>
    <message>
        <source>kernel: %1</source>
        <translation>内核：%1</translation>
    </message>
    <message>
        <source>inside:</source>
        <translation>已进入：</translation>
    </message>
    <message>
        <source>nobody inside</source>
        <translation>无人进入</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>The lesson “%1” could not start: %2</source>
        <translation>课程“%1”无法启动：%2</translation>
    </message>
    <message>
        <source>process %1</source>
        <translation>进程 %1</translation>
    </message>
    <message>
        <source>The processes are still starting.</source>
        <translation>进程仍在启动中。</translation>
    </message>
    <message>
        <source>No lesson is running.</source>
        <translation>当前没有运行的课程。</translation>
    </message>
    <message>
        <source>%1 cannot take a step: it is blocked, and only another process&apos;s step can release it.</source>
        <translation>%1 无法单步：它处于阻塞状态，只有其他进程的某一步才能让它继续。</translation>
    </message>
    <message>
        <source>%1 has finished.</source>
        <translation>%1 已经结束。</translation>
    </message>
    <message>
        <source>%1 is still carrying out its previous step.</source>
        <translation>%1 仍在执行上一步。</translation>
    </message>
    <message>
        <source>Select a process first.</source>
        <translation>请先选择一个进程。</translation>
    </message>
    <message>
        <source>The processes are running freely: pause them first to step.</source>
        <translation>进程正在自由运行：请先暂停，再单步执行。</translation>
    </message>
    <message>
        <source>Every process has finished. Reset to start the lesson again.</source>
        <translation>所有进程都已结束。点击“重置”可以重新开始本课。</translation>
    </message>
    <message>
        <source>No process can take a step: they are deadlocked.</source>
        <translation>没有进程能够单步：它们已经死锁。</translation>
    </message>
    <message>
        <source>No process can take a step now: each is blocked, busy or finished.</source>
        <translation>现在没有进程能够单步：每个进程都处于阻塞、忙碌或已结束状态。</translation>
    </message>
    <message>
        <source>A channel is already switching its mechanism; try again in a moment.</source>
        <translation>已有一个通道正在切换机制，请稍后再试。</translation>
    </message>
    <message>
        <source>%1 has already finished: there is nothing to kill.</source>
        <translation>%1 已经结束了：没有可杀死的进程。</translation>
    </message>
    <message>
        <source>%1 was sent SIGKILL, but its death was not seen within 5 s.</source>
        <translation>已向 %1 发送 SIGKILL，但 5 秒内没有看到它死亡。</translation>
    </message>
    <message>
        <source>The kernel refused to send SIGKILL to %1.</source>
        <translation>内核拒绝向 %1 发送 SIGKILL。</translation>
    </message>
</context>
<context>
    <name>SessionStatus</name>
    <message>
        <source>No session</source>
        <translation>没有会话</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动……</translation>
    </message>
    <message>
        <source>creating the objects and spawning one process per role</source>
        <translation>正在创建对象，并为每个角色启动一个进程</translation>
    </message>
    <message>
        <source>Stepping</source>
        <translation>单步模式</translation>
    </message>
    <message>
        <source>each process waits at its gate: Space steps the selected one, S steps all</source>
        <translation>每个进程都在自己的闸门处等待：空格键让选中的进程走一步，S 键让所有进程各走一步</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>%1 steps per second</source>
        <translation>每秒 %1 步</translation>
    </message>
    <message>
        <source>as fast as possible</source>
        <translation>全速运行</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>every process has exited; Reset starts the lesson again</source>
        <translation>所有进程都已退出；点击“重置”可以重新开始本课</translation>
    </message>
    <message>
        <source>Deadlock</source>
        <translation>死锁</translation>
    </message>
    <message>
        <source>Not running</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>see the message at the top of the window</source>
        <translation>请查看窗口顶部的消息</translation>
    </message>
</context>
<context>
    <name>SocketText</name>
    <message>
        <source>port %1</source>
        <translation>端口 %1</translation>
    </message>
    <message>
        <source>file %1</source>
        <translation>文件 %1</translation>
    </message>
    <message>
        <source>TCP %1</source>
        <translation>TCP %1</translation>
    </message>
    <message>
        <source>UDP %1</source>
        <translation>UDP %1</translation>
    </message>
    <message>
        <source>socket file %1</source>
        <translation>套接字文件 %1</translation>
    </message>
    <message>
        <source>next datagram: 1 byte (FIONREAD)</source>
        <translation>下一个数据报：1 字节（FIONREAD）</translation>
    </message>
    <message>
        <source>next datagram: %1 bytes (FIONREAD)</source>
        <translation>下一个数据报：%1 字节（FIONREAD）</translation>
    </message>
    <message>
        <source>no datagram waiting (FIONREAD)</source>
        <translation>没有等待接收的数据报（FIONREAD）</translation>
    </message>
</context>
<context>
    <name>SpeedControl</name>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最快</translation>
    </message>
    <message>
        <source>1 step/s</source>
        <translation>1 步/秒</translation>
    </message>
    <message>
        <source>%1 steps/s</source>
        <translation>%1 步/秒</translation>
    </message>
    <message>
        <source>How many steps per second Run grants each process; at max they run freely, as fast as the kernel lets them</source>
        <translation>“运行”时每个进程每秒执行多少步；设为最快时进程自由运行，速度只受内核限制</translation>
    </message>
</context>
<context>
    <name>StateStyle</name>
    <message>
        <source>starting</source>
        <translation>启动中</translation>
    </message>
    <message>
        <source>at gate</source>
        <translation>在闸门处</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>阻塞</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>killed</source>
        <translation>被杀死</translation>
    </message>
    <message>
        <source>sleeping</source>
        <translation>睡眠</translation>
    </message>
    <message>
        <source>disk sleep</source>
        <translation>不可中断睡眠</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>zombie</source>
        <translation>僵尸</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>已死亡</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
</context>
<context>
    <name>SwitchText</name>
    <message>
        <source>the session has ended</source>
        <translation>会话已经结束</translation>
    </message>
    <message>
        <source>there is no such object</source>
        <translation>没有这个对象</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a %2; only a channel that lists alternatives can switch</source>
        <translation>“%1”是 %2；只有列出了备选机制的通道才能切换</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot run on %2; it can run on %3</source>
        <translation>“%1”不能运行在 %2 上；它可以运行在 %3 上</translation>
    </message>
    <message>
        <source>a program started with exec uses &apos;%1&apos; as its standard input or output; it cannot change under it</source>
        <translation>一个用 exec 启动的程序把“%1”用作标准输入或输出，不能在它运行时更换</translation>
    </message>
    <message>
        <source>the %1 cannot hold the %2 messages in flight (it holds %3)</source>
        <translation>%1 装不下在途的 %2 条消息（它最多容纳 %3 条）</translation>
    </message>
    <message>
        <source>the %1 cannot hold the %2 bytes in flight (it holds %3)</source>
        <translation>%1 装不下在途的 %2 字节（它最多容纳 %3 字节）</translation>
    </message>
    <message>
        <source>a message in flight is %1 bytes, more than a %2 message may be (%3)</source>
        <translation>有一条在途消息长 %1 字节，超过了 %2 单条消息的上限（%3 字节）</translation>
    </message>
    <message>
        <source>no process holds the sending end of the %1 any more</source>
        <translation>已经没有进程持有 %1 的发送端</translation>
    </message>
    <message>
        <source>process &apos;%1&apos; did not leave its call within 2 s (is it stopped?)</source>
        <translation>进程“%1”没有在 2 秒内退出它的调用（它是否被暂停了？）</translation>
    </message>
    <message>
        <source>the %1 cannot hold the %2 messages in flight (it took %3, then %4)</source>
        <translation>%1 装不下在途的 %2 条消息（放入 %3 条后出错：%4）</translation>
    </message>
    <message>
        <source>%1; &apos;%2&apos; stays a %3</source>
        <comment>why; the channel keeps its mechanism</comment>
        <translation>%1；“%2”仍是 %3</translation>
    </message>
    <message>
        <source>“%1” cannot switch to %2: %3</source>
        <translation>“%1”无法切换到 %2：%3</translation>
    </message>
    <message>
        <source>%1 -&gt; %2: 0 messages in flight carried over (0 bytes) in %3 ms</source>
        <translation>%1 → %2：没有在途消息需要转移，用时 %3 毫秒</translation>
    </message>
    <message>
        <source>%1 -&gt; %2: 1 message in flight carried over (%3 bytes) in %4 ms</source>
        <translation>%1 → %2：1 条在途消息已转移（共 %3 字节），用时 %4 毫秒</translation>
    </message>
    <message>
        <source>%1 -&gt; %2: %3 messages in flight carried over (%4 bytes) in %5 ms</source>
        <translation>%1 → %2：%3 条在途消息已转移（共 %4 字节），用时 %5 毫秒</translation>
    </message>
</context>
<context>
    <name>SyncNode</name>
    <message>
        <source>inside:</source>
        <translation>已进入：</translation>
    </message>
    <message>
        <source>holds:</source>
        <translation>持有：</translation>
    </message>
    <message>
        <source>waiting:</source>
        <translation>等待：</translation>
    </message>
    <message>
        <source>nobody inside</source>
        <translation>无人进入</translation>
    </message>
    <message>
        <source>nobody holds it</source>
        <translation>无人持有</translation>
    </message>
    <message>
        <source>nobody waits</source>
        <translation>无人等待</translation>
    </message>
    <message>
        <source>free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>1 reader inside</source>
        <translation>1 个读者在内</translation>
    </message>
    <message>
        <source>%1 readers inside</source>
        <translation>%1 个读者在内</translation>
    </message>
    <message>
        <source>a writer inside: everyone else waits</source>
        <translation>一个写者在内：其他人都要等待</translation>
    </message>
    <message>
        <source>pairs with mutex %1</source>
        <translation>与互斥锁 %1 配合使用</translation>
    </message>
    <message>
        <source>waits release their mutex</source>
        <translation>等待时释放所配合的互斥锁</translation>
    </message>
    <message>
        <source>set</source>
        <translation>已置位</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未置位</translation>
    </message>
    <message>
        <source>manual reset</source>
        <translation>手动复位</translation>
    </message>
    <message>
        <source>auto reset</source>
        <translation>自动复位</translation>
    </message>
    <message>
        <source>%1 of %2 arrived</source>
        <translation>已到达 %1 / %2</translation>
    </message>
    <message>
        <source>%1 arrived</source>
        <translation>已到达 %1 个</translation>
    </message>
    <message>
        <source>1 shared lock</source>
        <translation>1 个共享锁</translation>
    </message>
    <message>
        <source>%1 shared locks</source>
        <translation>%1 个共享锁</translation>
    </message>
    <message>
        <source>locked exclusively</source>
        <translation>被独占锁定</translation>
    </message>
    <message>
        <source>held by 1 process</source>
        <translation>被 1 个进程持有</translation>
    </message>
    <message>
        <source>held by %1 processes</source>
        <translation>被 %1 个进程持有</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>message (send → receive)</source>
        <translation>消息（发送 → 接收）</translation>
    </message>
    <message>
        <source>lock held</source>
        <translation>持有锁</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Follow the newest events; scrolling back stops following</source>
        <translation>跟随最新事件；向回滚动时停止跟随</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+wheel)</source>
        <translation>放大（Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+wheel)</source>
        <translation>缩小（Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>blocked on %1</source>
        <translation>阻塞于 %1</translation>
    </message>
    <message>
        <source>%1: %2 for %3, from %4</source>
        <translation>%1：%2，持续 %3，从 %4 起</translation>
    </message>
    <message>
        <source>%1: %2 since %3</source>
        <translation>%1：自 %3 起 %2</translation>
    </message>
    <message>
        <source>%1 (older history is summarized)</source>
        <translation>%1（较早的历史已汇总）</translation>
    </message>
    <message>
        <source>The processes&apos; states appear here as they run.</source>
        <translation>进程运行时，它们的状态显示在这里。</translation>
    </message>
    <message>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>? %1: hidden until you answer</source>
        <translation>? %1：作答之前隐藏</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Open Lesson File…</source>
        <translation>打开课程文件(&amp;O)……</translation>
    </message>
    <message>
        <source>Open a lesson written in YAML</source>
        <translation>打开用 YAML 编写的课程</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Stop the processes and quit</source>
        <translation>停止所有进程并退出</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>Let every process run at the chosen speed</source>
        <translation>让所有进程按选定的速度运行</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Hold every process at its step gate</source>
        <translation>让每个进程停在自己的单步闸门处</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>单步(&amp;S)</translation>
    </message>
    <message>
        <source>Let the selected process carry out one action</source>
        <translation>让选中的进程执行一个动作</translation>
    </message>
    <message>
        <source>Step &amp;All</source>
        <translation>全部单步(&amp;A)</translation>
    </message>
    <message>
        <source>Let every process that can carry out one action</source>
        <translation>让每个能走的进程各执行一个动作</translation>
    </message>
    <message>
        <source>Rese&amp;t</source>
        <translation>重置(&amp;T)</translation>
    </message>
    <message>
        <source>Stop the processes and start the lesson again</source>
        <translation>停止所有进程并重新开始本课</translation>
    </message>
    <message>
        <source>&amp;Presentation Mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Bigger text for a classroom projector</source>
        <translation>放大文字，适合教室投影</translation>
    </message>
    <message>
        <source>&amp;About IPC Lab</source>
        <translation>关于 IPC 实验室(&amp;A)</translation>
    </message>
    <message>
        <source>What this program is</source>
        <translation>这个程序是什么</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>会话(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>P&amp;anels</source>
        <translation>面板(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Kill (SIGKILL)</source>
        <translation>杀死（SIGKILL）(&amp;K)</translation>
    </message>
    <message>
        <source>Kill the selected process with SIGKILL, as kill -9 does: the kernel cleans up after it</source>
        <translation>用 SIGKILL 杀死选中的进程，就像 kill -9 一样：内核会替它善后</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>challenge (%1): no solution to check</source>
        <translation>挑战（%1）：没有可供检验的解法</translation>
    </message>
    <message>
        <source>challenge: %1</source>
        <translation>挑战：%1</translation>
    </message>
    <message>
        <source>challenge (%1) in %2 steps: %3</source>
        <translation>挑战（%1）用了 %2 步：%3</translation>
    </message>
    <message>
        <source>FAILED:</source>
        <translation>未通过：</translation>
    </message>
    <message>
        <source>%1: %2 (%3 steps)</source>
        <translation>%1：%2（共 %3 步）</translation>
    </message>
    <message>
        <source>ok:</source>
        <translation>通过：</translation>
    </message>
    <message>
        <source>usage: ipclab-cli lesson ID|FILE|--all
</source>
        <translation>用法：ipclab-cli lesson ID|文件|--all
</translation>
    </message>
    <message>
        <source>some expectations did not hold</source>
        <translation>有些预期没有成立</translation>
    </message>
    <message>
        <source>every expectation held</source>
        <translation>所有预期都成立</translation>
    </message>
    <message>
        <source>usage: ipclab-cli list [--json]
</source>
        <translation>用法：ipclab-cli list [--json]
</translation>
    </message>
    <message>
        <source>usage: ipclab-cli check FILE...
</source>
        <translation>用法：ipclab-cli check 文件...
</translation>
    </message>
    <message>
        <source>%1: ok (%2)</source>
        <translation>%1：正确（%2）</translation>
    </message>
    <message>
        <source>usage: ipclab-cli cleanup
</source>
        <translation>用法：ipclab-cli cleanup
</translation>
    </message>
    <message>
        <source>nothing to clean up in %1</source>
        <translation>%1 中没有需要清理的东西</translation>
    </message>
    <message>
        <source>removed %1 dead session(s)</source>
        <translation>清理了 %1 个已死亡的会话</translation>
    </message>
    <message>
        <source>%1 needs a non-negative number, not &apos;%2&apos;</source>
        <translation>%1 需要一个非负数，而不是“%2”</translation>
    </message>
    <message>
        <source>--switch takes OBJ=MECHANISM</source>
        <translation>--switch 的参数形如 对象=机制</translation>
    </message>
    <message>
        <source>unknown option &apos;%1&apos;</source>
        <translation>未知选项“%1”</translation>
    </message>
    <message>
        <source>only one SCENARIO, got &apos;%1&apos; and &apos;%2&apos;</source>
        <translation>只能给一个场景，却给了“%1”和“%2”</translation>
    </message>
    <message>
        <source>which scenario? (ipclab-cli list shows them)</source>
        <translation>要运行哪个场景？（用 ipclab-cli list 可以列出全部场景）</translation>
    </message>
    <message>
        <source>--switch: no object &apos;%1&apos; in %2</source>
        <translation>--switch：%2 中没有对象“%1”</translation>
    </message>
    <message>
        <source>--switch: &apos;%1&apos; cannot use &apos;%2&apos; (its alternatives are listed in the scenario)</source>
        <translation>--switch：“%1”不能使用“%2”（它可选的机制写在场景文件里）</translation>
    </message>
    <message>
        <source>no process can take a step (all blocked or finished)</source>
        <translation>没有进程可以执行下一步（都已阻塞或结束）</translation>
    </message>
    <message>
        <source>cannot step %1: %2</source>
        <translation>无法让 %1 执行一步：%2</translation>
    </message>
    <message>
        <source>the step has not settled within 5 s</source>
        <translation>这一步在 5 秒内没有完成</translation>
    </message>
    <message>
        <source>switch needs an object and a mechanism: switch buffer posix_mq</source>
        <translation>switch 需要一个对象和一种机制，例如：switch buffer posix_mq</translation>
    </message>
    <message>
        <source>there is no object &apos;%1&apos;</source>
        <translation>没有对象“%1”</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a channel mechanism</source>
        <translation>“%1”不是一种通道机制</translation>
    </message>
    <message>
        <source>cannot switch %1: %2</source>
        <translation>无法切换 %1：%2</translation>
    </message>
    <message>
        <source>deadlock: %1</source>
        <translation>死锁：%1</translation>
    </message>
    <message>
        <source>timeout: the scenario did not finish within %1 s</source>
        <translation>超时：场景没有在 %1 秒内结束</translation>
    </message>
    <message>
        <source>interrupted: stopping every process</source>
        <translation>被中断：正在停止所有进程</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>未知命令“%1”</translation>
    </message>
    <message>
        <source>kernel:</source>
        <translation>内核：</translation>
    </message>
    <message>
        <source>processes                          model                 kernel
</source>
        <translation>进程                               模型                  内核
</translation>
    </message>
    <message>
        <source>on</source>
        <translation>于</translation>
    </message>
    <message>
        <source>next: %1  (action %2 of %3)</source>
        <translation>下一步：%1  （第 %2 个动作，共 %3 个）</translation>
    </message>
    <message>
        <source>signals pending: %1</source>
        <translation>待处理的信号：%1</translation>
    </message>
    <message>
        <source>starving: others got what it waits for %1 times since it blocked</source>
        <translation>饥饿：自它阻塞以来，它等待的东西已被别人抢先拿走 %1 次</translation>
    </message>
    <message>
        <source>objects</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>cells:</source>
        <translation>单元：</translation>
    </message>
    <message>
        <source>owner:</source>
        <translation>持有者：</translation>
    </message>
    <message>
        <source>kernel owner tid:</source>
        <translation>内核记录的持有线程：</translation>
    </message>
    <message>
        <source>held by:</source>
        <translation>持有者：</translation>
    </message>
    <message>
        <source>waiting:</source>
        <translation>等待者：</translation>
    </message>
    <message>
        <source>DEADLOCK: %1</source>
        <translation>死锁：%1</translation>
    </message>
    <message>
        <source>the question of step %1: %2</source>
        <translation>第 %1 步的问题：%2</translation>
    </message>
    <message>
        <source>the question of step %1: its answer is what the processes show (%2)</source>
        <translation>第 %1 步的问题：答案与进程的实际表现一致（%2）</translation>
    </message>
    <message>
        <source>the question of step %1: no check against the processes, only its key</source>
        <translation>第 %1 步的问题：无法对照进程检验，只核对了标准答案</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;: step [PROC] | run [SPEED] | pause | state | switch OBJ MECH | kill PROC | quit</source>
        <translation>未知命令“%1”：可用 step [进程] | run [速度] | pause | state | switch 对象 机制 | kill 进程 | quit</translation>
    </message>
    <message>
        <source>kill needs a process: kill writer</source>
        <translation>kill 需要指定一个进程，例如：kill writer</translation>
    </message>
    <message>
        <source>it has already finished</source>
        <translation>它已经结束</translation>
    </message>
    <message>
        <source>there is no such process</source>
        <translation>没有这个进程</translation>
    </message>
    <message>
        <source>its death was not seen within 5 s</source>
        <translation>5 秒内没有看到它死亡</translation>
    </message>
    <message>
        <source>the kernel refused the signal</source>
        <translation>内核拒绝发送该信号</translation>
    </message>
    <message>
        <source>cannot kill %1: %2</source>
        <translation>无法杀死 %1：%2</translation>
    </message>
    <message>
        <source>usage: ipclab-cli COMMAND ...
  list [--json]                 the bundled lessons
  check FILE...                 validate lesson files (FILE:LINE:COL: error: TEXT)
  run SCENARIO [--jsonl] [--step] [--timeout SEC] [--switch OBJ=MECH]
               [--speed STEPS_PER_SEC] [--seed N] [--trace-out FILE.json]
                                run a bundled lesson (by id) or a file with real processes
      commands on stdin: step PROC | step | run [SPEED] | pause | state |
                         switch OBJ MECH (live, e.g. switch buffer posix_mq) |
                         kill PROC (kill -9: SIGKILL) | quit
      --step starts paused, one action per step command
      exit codes: 0 all finished, 2 bad scenario or usage, 3 deadlock, 4 timeout
  lesson ID|FILE|--all          run a lesson&apos;s steps headless and check every expect
  cleanup                       remove what dead sessions left behind
  --lang en|zh_CN before COMMAND: the language (else LANGUAGE, LC_ALL, LANG)
</source>
        <translation>用法：ipclab-cli 命令 ...
  list [--json]                 列出内置课程
  check 文件...                 检查课程文件（文件:行:列: error: 说明）
  run 场景 [--jsonl] [--step] [--timeout 秒] [--switch 对象=机制]
               [--speed 每秒步数] [--seed N] [--trace-out 文件.json]
                                用真实进程运行一个内置课程（按 ID）或课程文件
      标准输入中的命令：step 进程 | step | run [速度] | pause | state |
                         switch 对象 机制（在运行中切换，例如 switch buffer posix_mq）|
                         kill 进程（kill -9：SIGKILL）| quit
      --step 启动后先暂停，每条 step 命令执行一个动作
      退出码：0 全部结束，2 场景或用法有误，3 死锁，4 超时
  lesson ID|文件|--all          不开窗口执行课程的各个步骤，并检查每一条预期
  cleanup                       清理已死亡的会话留下的东西
  --lang en|zh_CN 放在命令之前：界面语言（否则依次看 LANGUAGE、LC_ALL、LANG）
</translation>
    </message>
    <message>
        <source>%1:%2:%3: error: %4</source>
        <translation>%1:%2:%3: 错误：%4</translation>
    </message>
</context>
</TS>
